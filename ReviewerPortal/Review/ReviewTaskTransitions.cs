using ReviewerPortal.Audit;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Review;

/// <summary>
/// The rules for moving a task between states, in one place for every store: each returns the task as it must be
/// stored (version incremented), or null when the task's current state does not allow the change.
/// </summary>
public static class ReviewTaskTransitions
{
    /// <summary>An open task may be claimed unless someone else holds a live lease; re-claiming your own extends it.</summary>
    public static ReviewTask? Claim(ReviewTask task, Reviewer reviewer, DateTimeOffset leaseUntil, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!task.IsOpen || task.IsClaimedByOtherThan(reviewer.Id, now) || leaseUntil <= now)
        {
            return null;
        }

        return task with
        {
            Status = ReviewStatus.Claimed,
            Claim = new ClaimLease(reviewer.Id, reviewer.DisplayName, leaseUntil),
            Version = task.Version + 1,
        };
    }

    /// <summary>
    /// Extends the holder's live lease while their review page stays open (<see cref="ClaimRenewals"/>). A lease that
    /// already lapsed stays lapsed: someone else may have seen the case as free, so the holder must claim it again.
    /// </summary>
    public static ReviewTask? RenewClaim(ReviewTask task, string reviewerId, DateTimeOffset leaseUntil, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Status != ReviewStatus.Claimed || task.Claim is not { } claim || claim.ReviewerId != reviewerId || claim.Until <= now || leaseUntil <= claim.Until)
        {
            return null;
        }

        return task with { Claim = claim with { Until = leaseUntil }, Version = task.Version + 1 };
    }

    /// <summary>Only the holder gives a claim back, whether or not its lease ran out; <paramref name="force"/> lets a supervisor do it.</summary>
    public static ReviewTask? Release(ReviewTask task, Reviewer reviewer, bool force)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(reviewer);
        if (task.Status != ReviewStatus.Claimed || (!force && task.Claim?.ReviewerId != reviewer.Id))
        {
            return null;
        }

        return task with { Status = ReviewStatus.Pending, Claim = null, Version = task.Version + 1 };
    }

    /// <summary>
    /// A supervisor's override of another reviewer's claim: released back to the queue (<paramref name="reassignTo"/>
    /// null) or handed to <paramref name="reassignTo"/>. Applies only while <paramref name="expectedHolderId"/> still
    /// holds the claim, so a supervisor never overrides a claim that changed hands after their page showed it.
    /// </summary>
    public static ReviewTask? OverrideClaim(ReviewTask task, string expectedHolderId, ClaimLease? reassignTo, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Status != ReviewStatus.Claimed || task.Claim?.ReviewerId != expectedHolderId || (reassignTo is not null && reassignTo.Until <= now))
        {
            return null;
        }

        return reassignTo is null
            ? task with { Status = ReviewStatus.Pending, Claim = null, Version = task.Version + 1 }
            : task with { Claim = reassignTo, Version = task.Version + 1 };
    }

    /// <summary>The audit entry written with an override: the supervisor acts; the detail names both reviewers by id.</summary>
    public static AuditEntry OverrideAudit(string taskId, DateTimeOffset at, Reviewer supervisor, ClaimLease previous, ClaimLease? reassignTo)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(previous);
        return reassignTo is null
            ? new AuditEntry(taskId, at, supervisor.Id, supervisor.DisplayName, "claim-released-by-supervisor", $"released the claim of {previous.ReviewerName} ({previous.ReviewerId})")
            : new AuditEntry(taskId, at, supervisor.Id, supervisor.DisplayName, "claim-reassigned", $"from {previous.ReviewerName} ({previous.ReviewerId}) to {reassignTo.ReviewerName} ({reassignTo.ReviewerId})");
    }

    /// <summary>
    /// A decision is accepted only from the holder of a live claim on an open task: an unclaimed task, a lapsed lease or
    /// someone else's claim refuses it. The stores repeat this in their conditional write (<see cref="HoldsLiveClaim"/>).
    /// </summary>
    public static ReviewTask? RecordDecision(ReviewTask task, Decision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(decision);
        if (!HoldsLiveClaim(task, decision.Reviewer.Id, now))
        {
            return null;
        }

        return task with { Status = ReviewStatus.Deciding, Decision = decision, Version = task.Version + 1 };
    }

    /// <summary>Whether <paramref name="reviewerId"/> holds a claim on this open task whose lease has not run out.</summary>
    public static bool HoldsLiveClaim(ReviewTask task, string reviewerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status == ReviewStatus.Claimed && task.Claim is { } claim && claim.ReviewerId == reviewerId && claim.Until > now;
    }

    /// <summary>Only a recorded (DECIDING) decision can be completed.</summary>
    public static ReviewTask? CompleteDecision(ReviewTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status == ReviewStatus.Deciding
            ? task with { Status = ReviewStatus.Decided, Version = task.Version + 1 }
            : null;
    }

    /// <summary>
    /// A task whose token is no longer valid is closed for good: open tasks, and DECIDING ones whose decision could not
    /// be delivered. A DECIDED task keeps its outcome.
    /// </summary>
    public static ReviewTask? MarkExpired(ReviewTask task, bool openOnly = false)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsOpen || (task.Status == ReviewStatus.Deciding && !openOnly)
            ? task with { Status = ReviewStatus.Expired, Claim = null, Version = task.Version + 1 }
            : null;
    }

    /// <summary>The audit entry written in the same transaction as a recorded decision (no free text: reasons may hold PHI).</summary>
    public static AuditEntry DecisionAudit(string taskId, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new AuditEntry(
            taskId,
            decision.DecidedAt,
            decision.Reviewer.Id,
            decision.Reviewer.DisplayName,
            "decided",
            decision.Outcome == DecisionOutcome.Approved ? "approved" : "rejected");
    }

    /// <summary>The audit entry written with a claim, or with a renewal of one's own claim (the lease's end is the detail).</summary>
    public static AuditEntry ClaimAudit(string taskId, DateTimeOffset at, Reviewer reviewer, DateTimeOffset leaseUntil)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return new AuditEntry(
            taskId, at, reviewer.Id, reviewer.DisplayName, "claimed",
            "until " + leaseUntil.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The audit entry written with a release; a forced release names the reviewer whose claim it ended.</summary>
    public static AuditEntry ReleaseAudit(string taskId, DateTimeOffset at, Reviewer reviewer, ClaimLease? released, bool force)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return force && released is not null && released.ReviewerId != reviewer.Id
            ? new AuditEntry(taskId, at, reviewer.Id, reviewer.DisplayName, "claim-released-by-force", $"released the claim of {released.ReviewerName} ({released.ReviewerId})")
            : new AuditEntry(taskId, at, reviewer.Id, reviewer.DisplayName, "released", null);
    }

    /// <summary>The audit entry written with an expiry; the reason comes from Step Functions (an error code), not a person.</summary>
    public static AuditEntry ExpiryAudit(string taskId, DateTimeOffset at, string reason) =>
        new(taskId, at, "system", "Reviewer Portal", "expired", reason);
}
