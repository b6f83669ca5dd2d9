using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Audit;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Maps an <see cref="AuditEntry"/> to an item in its task's partition (<c>sk = AUDIT#{time}#{sequence}</c>), or in
/// <c>AUDIT#{yyyy-MM-dd}</c> for entries without a task. Audit items carry no index key and no TTL: they stay.
/// </summary>
internal static class AuditItem
{
    private const string At = "at";
    private const string ActorId = "actorId";
    private const string ActorName = "actorName";
    private const string Action = "action";
    private const string Detail = "detail";

    public static string PartitionOf(string? taskId, DateTimeOffset at) =>
        taskId is null
            ? "AUDIT#" + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : ReviewTaskAttributes.TaskPartitionPrefix + taskId;

    public static Dictionary<string, AttributeValue> ToItem(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Entries sort by their time, then by the order this process wrote them; the random tail keeps keys unique.
        var sequence = string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetTimestamp():x16}{Guid.NewGuid():N}");
        var item = new Dictionary<string, AttributeValue>
        {
            [ReviewTaskAttributes.PartitionKey] = new() { S = PartitionOf(entry.TaskId, entry.At) },
            [ReviewTaskAttributes.SortKey] = new() { S = $"{ReviewTaskAttributes.AuditSortPrefix}{IsoTimestamp.Format(entry.At)}#{sequence}" },
            [At] = new() { S = IsoTimestamp.Format(entry.At) },
            [ActorId] = new() { S = entry.ActorId },
            [ActorName] = new() { S = entry.ActorName },
            [Action] = new() { S = entry.Action },
        };
        if (entry.TaskId is not null)
        {
            item[ReviewTaskAttributes.TaskId] = new() { S = entry.TaskId };
        }

        if (entry.Detail is not null)
        {
            item[Detail] = new() { S = entry.Detail };
        }

        return item;
    }

    public static AuditEntry? FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var fields = new ItemFields(item);
        var entry = new AuditEntry(
            fields.OptionalString(ReviewTaskAttributes.TaskId),
            fields.RequiredTimestamp(At),
            fields.RequiredString(ActorId),
            fields.OptionalString(ActorName) ?? string.Empty,
            fields.RequiredString(Action),
            fields.OptionalString(Detail));
        return fields.Problems.Count == 0 ? entry : null;
    }
}
