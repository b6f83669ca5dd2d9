using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using ReviewerPortal.Operations;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>The review-tasks table is reachable and ACTIVE, and has the open-by-queue index the queues read.</summary>
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

        if (!(table.GlobalSecondaryIndexes ?? []).Any(i => i.IndexName == settings.OpenByQueueIndexName))
        {
            throw new InvalidOperationException($"Table {settings.TableName} has no index {settings.OpenByQueueIndexName}.");
        }
    }
}
