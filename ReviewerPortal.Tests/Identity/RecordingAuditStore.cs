using System.Collections.Concurrent;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Identity;

/// <summary>
/// Passes everything to the application's task store and keeps a copy of each audit entry, because sign-in entries have
/// no task id to list them by. <see cref="FailAppends"/> makes the audit trail fail, as an unreachable store would.
/// </summary>
public sealed class RecordingAuditStore(IReviewTaskStore? inner = null) : IReviewTaskStore
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries];

    public bool FailAppends { get; set; }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        if (FailAppends)
        {
            throw new IOException("The audit trail is unavailable (test).");
        }

        if (inner is not null)
        {
            await inner.AppendAuditAsync(entry, cancellationToken);
        }

        _entries.Enqueue(entry);
    }

    public Task<ReviewTask> RegisterAsync(ReviewTask task, CancellationToken cancellationToken = default) => Inner.RegisterAsync(task, cancellationToken);

    public Task<ReviewTask?> GetAsync(string taskId, CancellationToken cancellationToken = default) => Inner.GetAsync(taskId, cancellationToken);

    public Task<TaskPage> ListOpenAsync(QueueName queue, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        Inner.ListOpenAsync(queue, pageSize, continuationToken, cancellationToken);

    public Task<StoreResult> ClaimAsync(string taskId, Reviewer reviewer, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        Inner.ClaimAsync(taskId, reviewer, leaseUntil, cancellationToken);

    public Task<StoreResult> RenewClaimAsync(string taskId, string reviewerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        Inner.RenewClaimAsync(taskId, reviewerId, leaseUntil, cancellationToken);

    public Task<StoreResult> ReleaseAsync(string taskId, Reviewer reviewer, bool force = false, CancellationToken cancellationToken = default) =>
        Inner.ReleaseAsync(taskId, reviewer, force, cancellationToken);

    public Task<StoreResult> OverrideClaimAsync(string taskId, string expectedHolderId, Reviewer supervisor, ClaimLease? reassignTo, CancellationToken cancellationToken = default) =>
        Inner.OverrideClaimAsync(taskId, expectedHolderId, supervisor, reassignTo, cancellationToken);

    public Task<StoreResult> RecordDecisionAsync(string taskId, Decision decision, CancellationToken cancellationToken = default) =>
        Inner.RecordDecisionAsync(taskId, decision, cancellationToken);

    public Task<StoreResult> CompleteDecisionAsync(string taskId, CancellationToken cancellationToken = default) =>
        Inner.CompleteDecisionAsync(taskId, cancellationToken);

    public Task<StoreResult> MarkExpiredAsync(string taskId, string reason, CancellationToken cancellationToken = default) =>
        Inner.MarkExpiredAsync(taskId, reason, cancellationToken);

    public Task<StoreResult> CloseOpenAsync(string taskId, string reason, CancellationToken cancellationToken = default) =>
        Inner.CloseOpenAsync(taskId, reason, cancellationToken);

    public Task<IReadOnlyList<ReviewTask>> ListDecidingAsync(int limit, CancellationToken cancellationToken = default) =>
        Inner.ListDecidingAsync(limit, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string taskId, CancellationToken cancellationToken = default) =>
        Inner.ListAuditAsync(taskId, cancellationToken);

    private IReviewTaskStore Inner => inner ?? throw new NotSupportedException("No task store is registered in this test application.");
}
