using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Review tasks in one DynamoDB table (layout: <see cref="ReviewTaskAttributes"/>). Every state change reads the task,
/// applies <see cref="ReviewTaskTransitions"/>, and writes back only if the version is unchanged (optimistic
/// versioning); a decision or an expiry and its audit entry are written in one transaction.
/// </summary>
public sealed class DynamoDbTaskStore : IReviewTaskStore
{
    private const int MaxWriteAttempts = 5;
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly string _table;
    private readonly TimeSpan _closedRetention;
    private readonly TimeProvider _time;
    private readonly MalformedTaskItems _malformed;
    private readonly ReviewTaskChanges _changes;
    private readonly OpenTaskIndex _index;

    public DynamoDbTaskStore(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options, TimeProvider time, MalformedTaskItems malformed, ReviewTaskChanges changes)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dynamoDb = dynamoDb;
        _table = options.Value.TableName ?? throw new ArgumentException("Aws:TableName is not set.", nameof(options));
        _closedRetention = options.Value.ClosedTaskRetention;
        _time = time;
        _malformed = malformed;
        _changes = changes;
        _index = new OpenTaskIndex(dynamoDb, _table, options.Value.OpenByQueueIndexName, malformed);
    }

    public async Task<ReviewTask> RegisterAsync(ReviewTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var now = _time.GetUtcNow();
        var stored = task with { Version = 1 };
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = ReviewTaskItem.ToItem(stored, ClosedExpiry(stored, now)),

            // A task whose TTL passed is gone for readers, even before DynamoDB deletes it.
            ConditionExpression = "attribute_not_exists(#pk) OR #expires <= :now",
            ExpressionAttributeNames = new() { ["#pk"] = ReviewTaskAttributes.PartitionKey, ["#expires"] = ReviewTaskAttributes.ExpiresAt },
            ExpressionAttributeValues = new() { [":now"] = new AttributeValue { N = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        };
        try
        {
            await _dynamoDb.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            Publish(stored);
            return stored;
        }
        catch (ConditionalCheckFailedException)
        {
            var (existing, _) = await ReadAsync(task.Id, cancellationToken).ConfigureAwait(false);
            return existing ?? throw new InvalidOperationException($"Review task {task.Id} exists but cannot be read; see the malformed items report.");
        }
    }

    public async Task<ReviewTask?> GetAsync(string taskId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(taskId, cancellationToken).ConfigureAwait(false)).Task;

    public Task<TaskPage> ListOpenAsync(QueueName queue, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        _index.PageAsync(WireValues.Of(queue), pageSize, continuationToken, cancellationToken);

    public async Task<IReadOnlyList<ReviewTask>> ListDecidingAsync(int limit, CancellationToken cancellationToken = default) =>
        (await _index.PageAsync(ReviewTaskAttributes.DecidingQueue, limit, null, cancellationToken).ConfigureAwait(false)).Items;

    public Task<StoreResult> ClaimAsync(string taskId, Reviewer reviewer, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        TransitionAsync(
            taskId,
            (task, now) => ReviewTaskTransitions.Claim(task, reviewer, leaseUntil, now),
            now => ReviewTaskTransitions.ClaimAudit(taskId, now, reviewer, leaseUntil),
            cancellationToken);

    public Task<StoreResult> RenewClaimAsync(string taskId, string reviewerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        TransitionAsync(taskId, (task, now) => ReviewTaskTransitions.RenewClaim(task, reviewerId, leaseUntil, now), audit: null, cancellationToken);

    public Task<StoreResult> ReleaseAsync(string taskId, Reviewer reviewer, bool force = false, CancellationToken cancellationToken = default)
    {
        ClaimLease? released = null;
        return TransitionAsync(
            taskId,
            (task, _) =>
            {
                released = task.Claim;
                return ReviewTaskTransitions.Release(task, reviewer, force);
            },
            now => ReviewTaskTransitions.ReleaseAudit(taskId, now, reviewer, released, force),
            cancellationToken);
    }

    public Task<StoreResult> OverrideClaimAsync(string taskId, string expectedHolderId, Reviewer supervisor, ClaimLease? reassignTo, CancellationToken cancellationToken = default)
    {
        ClaimLease? previous = null;
        return TransitionAsync(
            taskId,
            (task, now) =>
            {
                previous = task.Claim;
                return ReviewTaskTransitions.OverrideClaim(task, expectedHolderId, reassignTo, now);
            },
            now => ReviewTaskTransitions.OverrideAudit(taskId, now, supervisor, previous!, reassignTo),
            cancellationToken);
    }

    public Task<StoreResult> RecordDecisionAsync(string taskId, Decision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return TransitionAsync(
            taskId,
            (task, now) => ReviewTaskTransitions.RecordDecision(task, decision, now),
            _ => ReviewTaskTransitions.DecisionAudit(taskId, decision),
            cancellationToken,
            requiredHolderId: decision.Reviewer.Id);
    }

    public Task<StoreResult> CompleteDecisionAsync(string taskId, CancellationToken cancellationToken = default) =>
        TransitionAsync(taskId, (task, _) => ReviewTaskTransitions.CompleteDecision(task), audit: null, cancellationToken);

    public Task<StoreResult> MarkExpiredAsync(string taskId, string reason, CancellationToken cancellationToken = default) =>
        TransitionAsync(
            taskId,
            (task, _) => ReviewTaskTransitions.MarkExpired(task),
            now => ReviewTaskTransitions.ExpiryAudit(taskId, now, reason),
            cancellationToken);

    public Task<StoreResult> CloseOpenAsync(string taskId, string reason, CancellationToken cancellationToken = default) =>
        TransitionAsync(
            taskId,
            (task, _) => ReviewTaskTransitions.MarkExpired(task, openOnly: true),
            now => ReviewTaskTransitions.ExpiryAudit(taskId, now, reason),
            cancellationToken);

    /// <summary>Read → rule → conditional write, again from a fresh read when someone else wrote in between.</summary>
    private async Task<StoreResult> TransitionAsync(
        string taskId,
        Func<ReviewTask, DateTimeOffset, ReviewTask?> transition,
        Func<DateTimeOffset, AuditEntry>? audit,
        CancellationToken cancellationToken,
        string? requiredHolderId = null)
    {
        ReviewTask? attempted = null;
        for (var attempt = 0; ; attempt++)
        {
            var (current, readVersion) = await ReadAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return StoreResult.NotFound;
            }

            // Our previous write landed after all (an SDK retry after a lost response): report it as applied.
            if (attempted is not null && current == attempted)
            {
                return new StoreResult(StoreResultKind.Applied, current);
            }

            var now = _time.GetUtcNow();
            var next = transition(current, now);
            if (next is null || attempt == MaxWriteAttempts)
            {
                return new StoreResult(StoreResultKind.Conflict, current);
            }

            attempted = next;
            var update = VersionedUpdate.For(next, readVersion, ClosedExpiry(next, now), requiredHolderId is null ? null : (requiredHolderId, now));
            if (await TryWriteAsync(update, audit?.Invoke(now), cancellationToken).ConfigureAwait(false))
            {
                Publish(next);
                return new StoreResult(StoreResultKind.Applied, next);
            }
        }
    }

    private async Task<bool> TryWriteAsync(VersionedUpdate update, AuditEntry? audit, CancellationToken cancellationToken)
    {
        try
        {
            if (audit is null)
            {
                await _dynamoDb.UpdateItemAsync(update.ToRequest(_table), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var request = new TransactWriteItemsRequest
                {
                    // Makes the SDK's own retries of this transaction idempotent.
                    ClientRequestToken = Guid.NewGuid().ToString("N"),
                    TransactItems =
                    [
                        new TransactWriteItem { Update = update.ToTransactItem(_table) },
                        new TransactWriteItem { Put = new Put { TableName = _table, Item = AuditItem.ToItem(audit) } },
                    ],
                };
                await _dynamoDb.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.Any(r => r.Code is "ConditionalCheckFailed" or "TransactionConflict") == true)
        {
            return false;
        }
    }

    private async Task<(ReviewTask? Task, AttributeValue? Version)> ReadAsync(string taskId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        var response = await _dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = ReviewTaskItem.Key(taskId), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item || ReviewTaskItem.ExpiresAtOf(item) <= _time.GetUtcNow())
        {
            return (null, null);
        }

        if (!ReviewTaskItem.TryFromItem(item, out var task, out var error))
        {
            _malformed.Report(error.TaskId ?? taskId, error.Problems);
            return (null, null);
        }

        return (task, item.GetValueOrDefault(ReviewTaskAttributes.Version));
    }

    private DateTimeOffset? ClosedExpiry(ReviewTask task, DateTimeOffset now) =>
        task.Status is ReviewStatus.Decided or ReviewStatus.Expired ? now + _closedRetention : null;

    private void Publish(ReviewTask task) => _changes.Publish(new ReviewTaskChanged(task.Id, task.Queue, task.Status));
}
