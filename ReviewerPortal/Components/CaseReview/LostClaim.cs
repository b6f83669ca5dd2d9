using ReviewerPortal.Review;

namespace ReviewerPortal.Components.CaseReview;

/// <summary>
/// What to tell a clinician whose claim disappeared while their review page was open: a supervisor took the case over or
/// released it (Escalations), or the lease ran out. Told in words, because buttons changing silently is easy to miss.
/// </summary>
public static class LostClaim
{
    public static string Message(ReviewTask task, string userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Claim switch
        {
            { } other when other.ReviewerId != userId && other.Until > now => $"You no longer hold this case: {other.ReviewerName} has taken it over.",
            { } mine when mine.ReviewerId == userId => "Your claim on this case has lapsed; claim it again to go on.",
            _ => "You no longer hold this case: your claim was released and the case is back in the queue.",
        };
    }
}
