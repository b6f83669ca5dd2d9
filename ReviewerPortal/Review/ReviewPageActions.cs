using ReviewerPortal.Identity;

namespace ReviewerPortal.Review;

/// <summary>What the review page shows after an action: the result, and what the workflow did next.</summary>
/// <param name="Decided">The task as the decision left it, while the workflow's next step is not known yet.</param>
/// <param name="Task">The task as the action left it (who holds it, the recorded decision and its report hash).</param>
public sealed record ActionOutcome(bool Succeeded, string Message, WorkflowStep? Next = null, ReviewTask? Decided = null, ReviewTask? Task = null);

/// <summary>
/// The review page's actions: each is re-authorized for the signed-in user (the reviewer recorded in the decision),
/// performed by <see cref="DecisionService"/>, and followed by what the workflow did next.
/// </summary>
public sealed class ReviewPageActions(
    ActionAuthorization authorization,
    DecisionService decisions,
    WorkflowProgress progress,
    KeptEdits keptEdits)
{
    private static readonly TimeSpan FollowOnFor = TimeSpan.FromMinutes(2);

    public Task<ActionOutcome> ClaimAsync(string taskId, CancellationToken cancellationToken) =>
        RunAsync(PortalAction.Claim, reviewer => decisions.ClaimAsync(taskId, reviewer, cancellationToken), follow: false);

    public Task<ActionOutcome> ReleaseAsync(string taskId, CancellationToken cancellationToken) =>
        RunAsync(PortalAction.ReleaseOwnClaim, reviewer => decisions.ReleaseAsync(taskId, reviewer, cancellationToken), follow: false);

    public Task<ActionOutcome> ApproveAsync(string taskId, string? editedText, string attestation, CancellationToken cancellationToken) =>
        DecideAsync(taskId, RunAsync(PortalAction.Approve, reviewer => decisions.ApproveAsync(new ApprovalRequest(taskId, reviewer, editedText, attestation), cancellationToken), follow: true));

    public Task<ActionOutcome> RejectAsync(string taskId, string reason, RejectCategory? category, CancellationToken cancellationToken) =>
        DecideAsync(taskId, RunAsync(PortalAction.Reject, reviewer => decisions.RejectAsync(new RejectionRequest(taskId, reviewer, reason, category), cancellationToken), follow: true));

    /// <summary>
    /// Keeps <paramref name="reviewerId"/>'s unsent edit of a task, restored by <see cref="KeptEditAsync"/> after a
    /// reload or a restart; null when kept, otherwise why not (too large, the store unreachable).
    /// </summary>
    public Task<string?> KeepEditAsync(string reviewerId, string taskId, string text) => keptEdits.KeepAsync(reviewerId, taskId, text);

    /// <summary>The reviewer's kept edit, or null (none, or the task closed).</summary>
    public Task<string?> KeptEditAsync(string reviewerId, ReviewTask task) => keptEdits.FindAsync(reviewerId, task);

    /// <summary>A discarded edit is not restored again.</summary>
    public Task ForgetEditAsync(string reviewerId, string taskId) => keptEdits.ForgetAsync(reviewerId, taskId);

    /// <summary>Once a decision lands, no one's unsent edit of the task is restored again (the reviewer's own included).</summary>
    private async Task<ActionOutcome> DecideAsync(string taskId, Task<ActionOutcome> decide)
    {
        var outcome = await decide.ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            await keptEdits.ForgetTaskAsync(taskId, CancellationToken.None).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<ActionOutcome> RunAsync(PortalAction action, Func<Reviewer, Task<DecisionResult>> act, bool follow)
    {
        Reviewer reviewer;
        try
        {
            reviewer = await authorization.RequireAsync(action).ConfigureAwait(false);
        }
        catch (ActionDeniedException denied)
        {
            return new ActionOutcome(false, denied.Message);
        }

        var result = await act(reviewer).ConfigureAwait(false);
        if (!follow || result.Kind != DecisionResultKind.Delivered || result.Task is null)
        {
            return new ActionOutcome(result.Succeeded, result.Message, Task: result.Task);
        }

        // The confirmation (with the report's hash) shows at once; the page then follows the workflow (FollowOnAsync).
        return new ActionOutcome(true, result.Message, WorkflowStep.Pending(result.Task), result.Task, result.Task);
    }

    /// <summary>
    /// Follows the workflow after the action answered (a slow model or a busy service), so
    /// the reviewer sees the publication or the revision arrive instead of a "still working" message left standing.
    /// </summary>
    public Task<WorkflowStep> FollowOnAsync(ReviewTask decided, CancellationToken cancellationToken) =>
        progress.AfterDecisionAsync(decided, FollowOnFor, cancellationToken);
}
