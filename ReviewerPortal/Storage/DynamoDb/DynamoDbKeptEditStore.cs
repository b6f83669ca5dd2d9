using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Aws mode's kept edits, in the task's partition of the review-tasks table (<see cref="ReviewTaskAttributes.EditSortPrefix"/>), so every
/// portal task behind the load balancer and every redeploy sees the same edit. An edit is written in
/// <see cref="KeptEditParts"/> in one transaction (parts of a longer earlier edit are deleted in it), so a reader
/// never joins parts of two edits. Each part carries a TTL like a closed task: one nobody forgot goes by itself.
/// </summary>
public sealed class DynamoDbKeptEditStore : IKeptEditStore
{
    private const string Reviewer = "reviewerId";
    private const string Text = "text";
    private const string Parts = "parts";
    private const string KeptAt = "keptAt";

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly string _table;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;

    public DynamoDbKeptEditStore(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dynamoDb = dynamoDb;
        _table = options.Value.TableName ?? throw new ArgumentException("Aws:TableName is not set.", nameof(options));
        _retention = options.Value.ClosedTaskRetention;
        _time = time;
    }

    public async Task KeepAsync(string reviewerId, string taskId, string text, CancellationToken cancellationToken = default)
    {
        KeptEditTooLargeException.ThrowIfTooLarge(text);
        var now = _time.GetUtcNow();
        var parts = KeptEditParts.Split(text);
        var writes = new List<TransactWriteItem>();
        for (var part = 0; part < KeptEditParts.MaxParts; part++)
        {
            writes.Add(part < parts.Count
                ? new TransactWriteItem { Put = new Put { TableName = _table, Item = PartItem(reviewerId, taskId, part, parts, now) } }
                : new TransactWriteItem { Delete = new Delete { TableName = _table, Key = PartKey(reviewerId, taskId, part) } });
        }

        await _dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = writes }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> FindAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var parts = (await QueryEditsAsync(taskId, ReviewTaskAttributes.EditSortPrefix + reviewerId + "#", cancellationToken).ConfigureAwait(false))
            .Where(item => item.TryGetValue(Reviewer, out var owner) && owner.S == reviewerId)
            .Where(item => ReviewTaskItem.ExpiresAtOf(item) is not { } expires || expires > now)
            .OrderBy(item => item[ReviewTaskAttributes.SortKey].S, StringComparer.Ordinal)
            .ToList();

        // Written in one transaction, the parts are whole or absent; a count that disagrees is an edit half-expired by TTL.
        if (parts.Count == 0 || parts.Any(item => Number(item, Parts) != parts.Count))
        {
            return null;
        }

        return string.Concat(parts.Select(item => item[Text].S));
    }

    public async Task ForgetAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default)
    {
        for (var part = 0; part < KeptEditParts.MaxParts; part++)
        {
            await _dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = _table, Key = PartKey(reviewerId, taskId, part) }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ForgetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        foreach (var item in await QueryEditsAsync(taskId, ReviewTaskAttributes.EditSortPrefix, cancellationToken).ConfigureAwait(false))
        {
            var key = new Dictionary<string, AttributeValue> { [ReviewTaskAttributes.PartitionKey] = item[ReviewTaskAttributes.PartitionKey], [ReviewTaskAttributes.SortKey] = item[ReviewTaskAttributes.SortKey] };
            await _dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = _table, Key = key }, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<List<Dictionary<string, AttributeValue>>> QueryEditsAsync(string taskId, string sortPrefix, CancellationToken cancellationToken) =>
        TaskPartition.QueryAsync(_dynamoDb, _table, taskId, sortPrefix, cancellationToken);

    private Dictionary<string, AttributeValue> PartItem(string reviewerId, string taskId, int part, IReadOnlyList<string> parts, DateTimeOffset now)
    {
        var item = PartKey(reviewerId, taskId, part);
        item[Reviewer] = new AttributeValue { S = reviewerId };
        item[Text] = new AttributeValue { S = parts[part] };
        item[Parts] = new AttributeValue { N = parts.Count.ToString(CultureInfo.InvariantCulture) };
        item[KeptAt] = new AttributeValue { S = IsoTimestamp.Format(now) };
        item[ReviewTaskAttributes.ExpiresAt] = new AttributeValue { N = (now + _retention).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        return item;
    }

    // The part number is fixed-width so parts sort in order as text.
    private static Dictionary<string, AttributeValue> PartKey(string reviewerId, string taskId, int part) => new()
    {
        [ReviewTaskAttributes.PartitionKey] = new AttributeValue { S = ReviewTaskAttributes.TaskPartitionPrefix + taskId },
        [ReviewTaskAttributes.SortKey] = new AttributeValue { S = string.Create(CultureInfo.InvariantCulture, $"{ReviewTaskAttributes.EditSortPrefix}{reviewerId}#{part:D2}") },
    };

    private static long Number(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
