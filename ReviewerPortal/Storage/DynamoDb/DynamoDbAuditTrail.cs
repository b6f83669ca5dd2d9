using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using ReviewerPortal.Audit;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// The audit trail in the review-task table (<see cref="AuditItem"/>): a task's entries in its partition, others
/// (sign-ins) in one partition per day. <see cref="DynamoDbTaskStore"/> writes the entries of claims, decisions and
/// expiries itself, in the same transaction as the change.
/// </summary>
public sealed class DynamoDbAuditTrail(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options) : IAuditTrail
{
    private readonly string _table = options?.Value.TableName ?? throw new ArgumentException("Aws:TableName is not set.", nameof(options));

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var request = new PutItemRequest { TableName = _table, Item = AuditItem.ToItem(entry) };
        await dynamoDb.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListForTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        (await TaskPartition.QueryAsync(dynamoDb, _table, taskId, ReviewTaskAttributes.AuditSortPrefix, cancellationToken).ConfigureAwait(false))
            .Select(AuditItem.FromItem).OfType<AuditEntry>().ToList();
}
