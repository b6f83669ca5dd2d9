using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// The items of one task's partition whose sort key starts with a prefix (its audit entries, its kept edits), read
/// consistently and page by page until DynamoDB has no more.
/// </summary>
internal static class TaskPartition
{
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(
        IAmazonDynamoDB dynamoDb, string table, string taskId, string sortPrefix, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamoDb.QueryAsync(
                new QueryRequest
                {
                    TableName = table,
                    ConsistentRead = true,
                    KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
                    ExpressionAttributeNames = new() { ["#pk"] = ReviewTaskAttributes.PartitionKey, ["#sk"] = ReviewTaskAttributes.SortKey },
                    ExpressionAttributeValues = new()
                    {
                        [":pk"] = new AttributeValue { S = ReviewTaskAttributes.TaskPartitionPrefix + taskId },
                        [":prefix"] = new AttributeValue { S = sortPrefix },
                    },
                    ExclusiveStartKey = start,
                },
                cancellationToken).ConfigureAwait(false);
            items.AddRange(response.Items ?? []);
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }
}
