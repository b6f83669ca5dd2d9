using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using ReviewerPortal.Operations;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>The review-tasks table is reachable and ACTIVE, and has the two indexes the queues read (open-by-queue, open-by-arrival).</summary>
public sealed class DynamoDbReadinessCheck(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options) : IReadinessCheck
{
    public string Name => "dynamodb";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var table = (await dynamoDb.DescribeTableAsync(settings.TableName, cancellationToken).ConfigureAwait(false)).Table;
        if (table.TableStatus != TableStatus.ACTIVE && table.TableStatus != TableStatus.UPDATING)
        {
            throw new InvalidOperationException($"Table {settings.TableName} is {table.TableStatus}, not ACTIVE.");
        }

        var indexes = (table.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet(StringComparer.Ordinal);
        var missing = new[] { settings.OpenByQueueIndexName, settings.OpenByArrivalIndexName }.Where(i => !indexes.Contains(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Table {settings.TableName} has no index {string.Join(" or ", missing)}.");
        }
    }
}
