using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// The review-tasks table as deploy/review-storage.yaml declares it (keys, the two sparse indexes), for creating it on
/// DynamoDB-compatible servers in tests and benchmarks. TTL on <c>expiresAt</c> is a separate call (UpdateTimeToLive).
/// </summary>
public static class ReviewTaskTableDefinition
{
    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(ReviewTaskAttributes.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(ReviewTaskAttributes.SortKey, ScalarAttributeType.S),
            new AttributeDefinition(ReviewTaskAttributes.OpenQueue, ScalarAttributeType.S),
            new AttributeDefinition(ReviewTaskAttributes.DueAt, ScalarAttributeType.S),
            new AttributeDefinition(ReviewTaskAttributes.CreatedAt, ScalarAttributeType.S),
        ],
        KeySchema = [new KeySchemaElement(ReviewTaskAttributes.PartitionKey, KeyType.HASH), new KeySchemaElement(ReviewTaskAttributes.SortKey, KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = ReviewTaskAttributes.OpenByQueueIndex,
                KeySchema = [new KeySchemaElement(ReviewTaskAttributes.OpenQueue, KeyType.HASH), new KeySchemaElement(ReviewTaskAttributes.DueAt, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
            new GlobalSecondaryIndex
            {
                IndexName = ReviewTaskAttributes.OpenByArrivalIndex,
                KeySchema = [new KeySchemaElement(ReviewTaskAttributes.OpenQueue, KeyType.HASH), new KeySchemaElement(ReviewTaskAttributes.CreatedAt, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = [ReviewTaskAttributes.DueAt, ReviewTaskAttributes.SlaSeconds] },
            },
        ],
    };

    /// <summary>Creates the table and waits until it and its indexes are ACTIVE (tables are created asynchronously).</summary>
    public static async Task CreateAsync(IAmazonDynamoDB dynamoDb, string tableName, bool enableTtl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        await dynamoDb.CreateTableAsync(CreateTableRequest(tableName), cancellationToken).ConfigureAwait(false);
        for (var i = 0; ; i++)
        {
            var table = (await dynamoDb.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false)).Table;
            if (table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes ?? []).All(g => g.IndexStatus == IndexStatus.ACTIVE))
            {
                break;
            }

            if (i == 600)
            {
                throw new TimeoutException($"Table {tableName} did not become active.");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        if (enableTtl)
        {
            await dynamoDb.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = tableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ReviewTaskAttributes.ExpiresAt, Enabled = true },
                },
                cancellationToken).ConfigureAwait(false);
        }
    }
}
