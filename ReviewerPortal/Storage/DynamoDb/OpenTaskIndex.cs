using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Reads the sparse <c>open-by-queue</c> index: one partition per queue (plus <see cref="ReviewTaskAttributes.DecidingQueue"/>), ordered by
/// due time. Never a Scan. Malformed items are skipped, reported to <see cref="MalformedTaskItems"/>, and do not
/// shorten a page: the query goes on until the page is full or the partition ends.
/// </summary>
/// <remarks>
/// DynamoDB orders items with equal index sort keys in no documented order, so pages are cut at (due time, id): the
/// query reads on past a full page until the due time changes, sorts what it read by (due time, id), and the token
/// resumes after the last (due time, id) shown. Only a run of equal due times is read twice; they are rare.
/// </remarks>
internal sealed class OpenTaskIndex(IAmazonDynamoDB dynamoDb, string tableName, string indexName, MalformedTaskItems malformed)
{
    public async Task<TaskPage> PageAsync(string openQueue, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var after = continuationToken is null ? null : PageToken.Decode(continuationToken, openQueue);
        var read = new List<(string DueAt, ReviewTask Task)>();
        string? cutDueAt = null;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamoDb.QueryAsync(Query(openQueue, after, pageSize + 1, start), cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                var dueAt = item.TryGetValue(ReviewTaskAttributes.DueAt, out var due) ? due.S ?? string.Empty : string.Empty;
                if (cutDueAt is not null && string.CompareOrdinal(dueAt, cutDueAt) > 0)
                {
                    return Page(openQueue, read, pageSize, hasMore: true);
                }

                if (Read(item, openQueue, after, dueAt) is { } task)
                {
                    read.Add((dueAt, task));
                    if (read.Count == pageSize)
                    {
                        // Everything due up to this time must be read before the page can be cut and sorted.
                        cutDueAt = dueAt;
                    }
                }
            }

            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return Page(openQueue, read, pageSize, hasMore: read.Count > pageSize);
    }

    private static TaskPage Page(string openQueue, List<(string DueAt, ReviewTask Task)> read, int pageSize, bool hasMore)
    {
        var page = read
            .OrderBy(r => r.DueAt, StringComparer.Ordinal)
            .ThenBy(r => r.Task.Id, StringComparer.Ordinal)
            .Take(pageSize)
            .ToList();
        var token = hasMore && page.Count > 0 ? new PageToken(openQueue, page[^1].DueAt, page[^1].Task.Id).Encode() : null;
        return new TaskPage([.. page.Select(r => r.Task)], token);
    }

    private QueryRequest Query(string openQueue, PageToken? after, int limit, Dictionary<string, AttributeValue>? start)
    {
        var request = new QueryRequest
        {
            TableName = tableName,
            IndexName = indexName,
            KeyConditionExpression = "#q = :q",
            ExpressionAttributeNames = new() { ["#q"] = ReviewTaskAttributes.OpenQueue },
            ExpressionAttributeValues = new() { [":q"] = new AttributeValue { S = openQueue } },
            ScanIndexForward = true,
            Limit = limit,
            ExclusiveStartKey = start,
        };
        if (after is not null)
        {
            request.KeyConditionExpression += " AND #due >= :due";
            request.ExpressionAttributeNames["#due"] = ReviewTaskAttributes.DueAt;
            request.ExpressionAttributeValues[":due"] = new AttributeValue { S = after.DueAt };
        }

        return request;
    }

    private ReviewTask? Read(Dictionary<string, AttributeValue> item, string openQueue, PageToken? after, string dueAt)
    {
        if (after is not null && ReviewTaskItem.TaskIdOf(item) is { } id && after.Covers(dueAt, id))
        {
            return null;
        }

        if (!ReviewTaskItem.TryFromItem(item, out var task, out var error))
        {
            malformed.Report(error.TaskId, error.Problems);
            return null;
        }

        // The index is eventually consistent; a task that moved on since is left for the next read.
        return ReviewTaskItem.OpenQueueOf(task) == openQueue ? task : null;
    }
}
