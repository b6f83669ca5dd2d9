using ReviewerPortal.Identity;

namespace ReviewerPortal.Review;

/// <summary>
/// Port for durable review tasks. SQLite (Local) and DynamoDB (Aws) implement it and pass the same contract suite.
/// Every state change is conditional on the task's current state, so two reviewers racing on one task cannot both win.
/// A change that is audited (claim, release, override, decision, expiry) writes its audit entry in the same transaction;
/// reading the trail, and entries of their own, go through <see cref="ReviewerPortal.Audit.IAuditTrail"/>.
/// </summary>
public interface IReviewTaskStore
{
    /// <summary>Adds a task; registering the same id again is a no-op that returns the stored task.</summary>
    Task<ReviewTask> RegisterAsync(ReviewTask task, CancellationToken cancellationToken = default);

    Task<ReviewTask?> GetAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Open tasks (pending or claimed) of one queue ordered by due time, one page at a time.</summary>
    /// <param name="continuationToken">Null for the first page, else the token of the previous page; opaque to callers.</param>
    Task<TaskPage> ListOpenAsync(QueueName queue, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Claims an open task for <paramref name="reviewer"/> until <paramref name="leaseUntil"/>; re-claiming your own claim extends it.</summary>
    Task<StoreResult> ClaimAsync(string taskId, Reviewer reviewer, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends <paramref name="reviewerId"/>'s live claim to <paramref name="leaseUntil"/> without an audit entry (the
    /// claim itself is audited; a renewal is the same claim held longer), per <see cref="ReviewTaskTransitions.RenewClaim"/>.
    /// </summary>
    Task<StoreResult> RenewClaimAsync(string taskId, string reviewerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back; only the holder (or <paramref name="force"/> for supervisors) may release it.</summary>
    Task<StoreResult> ReleaseAsync(string taskId, Reviewer reviewer, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// A supervisor overrides another reviewer's claim: releases it (<paramref name="reassignTo"/> null) or reassigns
    /// it, only while <paramref name="expectedHolderId"/> still holds it, with an audit entry naming
    /// <paramref name="supervisor"/> written atomically with the change (<see cref="ReviewTaskTransitions.OverrideClaim"/>).
    /// </summary>
    Task<StoreResult> OverrideClaimAsync(string taskId, string expectedHolderId, Reviewer supervisor, ClaimLease? reassignTo, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a decision: the task moves to DECIDING with the decision and an audit entry, atomically, only if it is
    /// still open and not claimed by someone else under a live lease.
    /// </summary>
    Task<StoreResult> RecordDecisionAsync(string taskId, Decision decision, CancellationToken cancellationToken = default);

    /// <summary>Marks a DECIDING task DECIDED once Step Functions accepted the decision.</summary>
    Task<StoreResult> CompleteDecisionAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Closes a task for good because its token is no longer valid (timed out, or closed elsewhere).</summary>
    Task<StoreResult> MarkExpiredAsync(string taskId, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes a task whose gate the workflow closed without this portal (<see cref="GateFollower"/>), only while it is
    /// still open: a DECIDING task is left alone, since its own decision may be what closed the gate.
    /// </summary>
    Task<StoreResult> CloseOpenAsync(string taskId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Tasks left in DECIDING (after a crash or an outage), for the reconciler.</summary>
    Task<IReadOnlyList<ReviewTask>> ListDecidingAsync(int limit, CancellationToken cancellationToken = default);
}

/// <summary>A page of tasks and the token for the next page (null when this is the last one).</summary>
public sealed record TaskPage(IReadOnlyList<ReviewTask> Items, string? ContinuationToken);

public enum StoreResultKind
{
    Applied,
    NotFound,

    /// <summary>The task's state did not allow the change; <see cref="StoreResult.Task"/> shows why (who holds or decided it).</summary>
    Conflict,
}

/// <summary>Outcome of a conditional write, with the task as it is now.</summary>
public sealed record StoreResult(StoreResultKind Kind, ReviewTask? Task)
{
    public bool Applied => Kind == StoreResultKind.Applied;
    public static StoreResult NotFound { get; } = new(StoreResultKind.NotFound, null);
}
