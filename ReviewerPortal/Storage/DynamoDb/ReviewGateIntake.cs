using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Aws mode: brings tasks written by the review gate into their queue. The gate cannot compute a due time in JSONPath,
/// so its item has <c>createdAt</c> and <c>slaSeconds</c> but no <c>dueAt</c>, and without it the item is not in the
/// open-by-queue index. Every tick, this reads the open-by-arrival index (never a Scan) for such items and writes their
/// <c>dueAt</c>, conditionally, so that several processes doing the same never conflict.
/// </summary>
public sealed partial class ReviewGateIntake(
    IAmazonDynamoDB dynamoDb,
    IOptions<AwsOptions> options,
    TimeProvider time,
    MalformedTaskItems malformed,
    ILogger<ReviewGateIntake> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            options.Value.ChangeWatchInterval, time, immediately: true, RunOnceAsync, e => LogIntakeFailed(logger, e.GetType().Name), stoppingToken);

    /// <summary>One pass over every queue; returns how many tasks got their due time.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var admitted = 0;
        foreach (var queue in Enum.GetValues<QueueName>())
        {
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var response = await dynamoDb.QueryAsync(ArrivalsWithoutDueTime(WireValues.Of(queue), start), cancellationToken).ConfigureAwait(false);
                foreach (var key in response.Items ?? [])
                {
                    admitted += await AdmitAsync(key, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }

                start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null);
        }

        return admitted;
    }

    private QueryRequest ArrivalsWithoutDueTime(string openQueue, Dictionary<string, AttributeValue>? start) => new()
    {
        TableName = options.Value.TableName,
        IndexName = options.Value.OpenByArrivalIndexName,
        KeyConditionExpression = "#q = :q",
        FilterExpression = "attribute_not_exists(#due)",
        ExpressionAttributeNames = new() { ["#q"] = ReviewTaskAttributes.OpenQueue, ["#due"] = ReviewTaskAttributes.DueAt },
        ExpressionAttributeValues = new() { [":q"] = new AttributeValue { S = openQueue } },
        ExclusiveStartKey = start,
    };

    private async Task<bool> AdmitAsync(Dictionary<string, AttributeValue> indexed, CancellationToken cancellationToken)
    {
        var key = new Dictionary<string, AttributeValue> { [ReviewTaskAttributes.PartitionKey] = indexed[ReviewTaskAttributes.PartitionKey], [ReviewTaskAttributes.SortKey] = indexed[ReviewTaskAttributes.SortKey] };
        if (ReviewTaskItem.MissingDueAt(indexed) is not { } dueAt)
        {
            await ReportAsync(key, cancellationToken).ConfigureAwait(false);
            return false;
        }

        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = options.Value.TableName,
                    Key = key,
                    UpdateExpression = "SET #due = :due",
                    ConditionExpression = "attribute_exists(#pk) AND attribute_not_exists(#due)",
                    ExpressionAttributeNames = new() { ["#due"] = ReviewTaskAttributes.DueAt, ["#pk"] = ReviewTaskAttributes.PartitionKey },
                    ExpressionAttributeValues = new() { [":due"] = new AttributeValue { S = dueAt } },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // Another process admitted it first, or it closed meanwhile.
            return false;
        }
    }

    /// <summary>An arrival whose due time cannot be computed stays out of the queues and is shown to operators.</summary>
    private async Task ReportAsync(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = options.Value.TableName, Key = key }, cancellationToken).ConfigureAwait(false)).Item;
        if (item is { Count: > 0 } && !ReviewTaskItem.TryFromItem(item, out _, out var error))
        {
            malformed.Report(error.TaskId, error.Problems);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admitting new review-gate items failed ({Error}); retrying on the next tick")]
    private static partial void LogIntakeFailed(ILogger logger, string error);
}
