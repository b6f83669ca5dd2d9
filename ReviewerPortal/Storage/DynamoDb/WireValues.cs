using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>The text values the review-task item uses for urgency, queue and status (docs/contract.md, "The review-task item").</summary>
public static class WireValues
{
    public static string Of(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "urgent",
        Urgency.Routine => "routine",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency)),
    };

    public static string Of(QueueName queue) => queue switch
    {
        QueueName.Urgent => "urgent",
        QueueName.Routine => "routine",
        QueueName.Escalation => "escalation",
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    };

    public static string Of(ReviewStatus status) => status switch
    {
        ReviewStatus.Pending => "PENDING",
        ReviewStatus.Claimed => "CLAIMED",
        ReviewStatus.Deciding => "DECIDING",
        ReviewStatus.Decided => "DECIDED",
        ReviewStatus.Expired => "EXPIRED",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "approved",
        DecisionOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static bool TryParseUrgency(string? value, out Urgency urgency) => TryParse(value, out urgency);

    public static bool TryParseQueue(string? value, out QueueName queue) => TryParse(value, out queue);

    public static bool TryParseStatus(string? value, out ReviewStatus status) => TryParse(value, out status);

    public static bool TryParseOutcome(string? value, out DecisionOutcome outcome) => TryParse(value, out outcome);

    // Names only, never numbers: Enum.TryParse would accept "1" as a value.
    private static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        result = default;
        if (string.IsNullOrEmpty(value) || !char.IsLetter(value[0]))
        {
            return false;
        }

        return Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result);
    }
}
