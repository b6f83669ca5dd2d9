using Amazon.DynamoDBv2;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>The review-tasks table is reachable and ACTIVE, and has the two indexes the queues read (open-by-queue, open-by-arrival).</summary>
public sealed class DynamoDbReadinessCheck(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options) : IHealthCheck
{
    public const string Name = "dynamodb";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var table = (await dynamoDb.DescribeTableAsync(settings.TableName, cancellationToken).ConfigureAwait(false)).Table;
        if (table.TableStatus != TableStatus.ACTIVE && table.TableStatus != TableStatus.UPDATING)
        {
            return HealthCheckResult.Unhealthy($"Table {settings.TableName} is {table.TableStatus}, not ACTIVE.");
        }

        var indexes = (table.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet(StringComparer.Ordinal);
        var missing = new[] { settings.OpenByQueueIndexName, settings.OpenByArrivalIndexName }.Where(i => !indexes.Contains(i)).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Table {settings.TableName} has no index {string.Join(" or ", missing)}.");
    }
}
