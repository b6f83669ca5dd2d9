using System.Globalization;
using Microsoft.Extensions.Options;
using ReviewerPortal.Drafts;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Review;

/// <summary>
/// A clinician's claim, approval or rejection of a review task. A decision is recorded durably first (DECIDING, with
/// its audit entry), then sent to Step Functions, then marked DECIDED (docs/contract.md, "Crash-safe delivery").
/// </summary>
public sealed class DecisionService(
    IReviewTaskStore store,
    IDraftStore drafts,
    DecisionDelivery delivery,
    ClaimHeartbeats heartbeats,
    IOptions<DecisionOptions> options,
    IOptions<PortalOptions> portal,
    TimeProvider clock)
{
    public async Task<DecisionResult> ClaimAsync(string taskId, Reviewer reviewer, CancellationToken cancellationToken = default)
    {
        var result = await store.ClaimAsync(taskId, reviewer, clock.GetUtcNow() + options.Value.ClaimLease, cancellationToken).ConfigureAwait(false);
        if (!result.Applied)
        {
            return Refusal(result, reviewer.Id);
        }

        // The workflow's "nobody has picked it up" timer stops counting as soon as someone holds the task.
        var alive = await heartbeats.BeatAsync(result.Task!, cancellationToken).ConfigureAwait(false);
        return alive
            ? new DecisionResult(DecisionResultKind.Delivered, "You are reviewing this case.", result.Task)
            : new DecisionResult(DecisionResultKind.Closed, "The workflow stopped waiting for this review; the case has been escalated or closed.", result.Task);
    }

    public async Task<DecisionResult> ReleaseAsync(string taskId, Reviewer reviewer, CancellationToken cancellationToken = default)
    {
        var result = await store.ReleaseAsync(taskId, reviewer, force: false, cancellationToken).ConfigureAwait(false);
        return result.Applied
            ? new DecisionResult(DecisionResultKind.Delivered, "The case is back in the queue.", result.Task)
            : Refusal(result, reviewer.Id);
    }

    /// <summary>
    /// Approves exactly the text the clinician saw: <see cref="ApprovalRequest.EditedText"/> when they edited, else the
    /// draft as the page shows it (its AI disclaimer removed). The text is written as the final report and its SHA-256
    /// recorded with the decision; a text that breaks a rule of <see cref="ApprovedReport"/> publishes nothing.
    /// </summary>
    public async Task<DecisionResult> ApproveAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Attestation))
        {
            return Invalid("Confirm that you reviewed the images and the report before approving.");
        }

        var task = await store.GetAsync(request.TaskId, cancellationToken).ConfigureAwait(false);
        if (task is null || !ReviewTaskTransitions.HoldsLiveClaim(task, request.Reviewer.Id, clock.GetUtcNow()))
        {
            return task is null ? Invalid("This case does not exist.") : Refusal(new StoreResult(StoreResultKind.Conflict, task), request.Reviewer.Id);
        }

        var draft = await drafts.ReadTextAsync(task.DraftLocation, portal.Value.MaxDraftBytes, cancellationToken).ConfigureAwait(false);
        if (draft.Status != DraftReadStatus.Found)
        {
            return Invalid($"The draft cannot be read ({draft.Status}); approve it only after it is available.");
        }

        var shown = ReportProvenance.WithoutDisclaimer(draft.Text!);
        var text = request.EditedText ?? shown;
        if (ApprovedReport.Problem(text) is { } problem)
        {
            return Invalid(problem);
        }

        // Always a new object: the stored draft keeps its disclaimer, and the report is the bytes the clinician approved.
        var final = await drafts.WriteTextAsync(ReviewedLocation(task), text, "text/markdown; charset=utf-8", cancellationToken).ConfigureAwait(false);
        var decision = new Decision
        {
            Outcome = DecisionOutcome.Approved,
            Reviewer = request.Reviewer,
            DecidedAt = clock.GetUtcNow(),
            FinalReportLocation = final.Location,
            EditedFromDraft = !string.Equals(Normalize(text), Normalize(shown), StringComparison.Ordinal),
            DraftSha256 = draft.Sha256,
            FinalSha256 = final.Sha256,
            Attestation = request.Attestation.Trim(),
            EditDiff = request.EditedText is null ? null : LineDiff.Summarize(shown, text),
        };
        return await RecordAndDeliverAsync(task.Id, decision, request.Reviewer.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DecisionResult> RejectAsync(RejectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim() ?? string.Empty;
        if (reason.Length == 0)
        {
            return Invalid("A rejection needs a reason: it tells the draft generator what to change.");
        }

        if (reason.Length > DecisionPayload.MaxCauseCharacters)
        {
            return Invalid($"The reason is longer than {DecisionPayload.MaxCauseCharacters} characters.");
        }

        var decision = new Decision
        {
            Outcome = DecisionOutcome.Rejected,
            Reviewer = request.Reviewer,
            DecidedAt = clock.GetUtcNow(),
            Reason = request.Category is { } category ? $"[{RejectCategories.Label(category)}] {reason}" : reason,
            RejectCategory = request.Category,
        };
        return await RecordAndDeliverAsync(request.TaskId, decision, request.Reviewer.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DecisionResult> RecordAndDeliverAsync(string taskId, Decision decision, string reviewerId, CancellationToken cancellationToken)
    {
        var recorded = await store.RecordDecisionAsync(taskId, decision, cancellationToken).ConfigureAwait(false);
        if (!recorded.Applied)
        {
            return Refusal(recorded, reviewerId);
        }

        var delivered = await delivery.DeliverAsync(recorded.Task!, cancellationToken).ConfigureAwait(false);
        var now = await store.GetAsync(taskId, cancellationToken).ConfigureAwait(false) ?? recorded.Task;
        return delivered.Outcome switch
        {
            DeliveryOutcome.Delivered => new DecisionResult(DecisionResultKind.Delivered, "Your decision was sent to the workflow.", now),
            DeliveryOutcome.StillPending => new DecisionResult(DecisionResultKind.Recorded, "Your decision is recorded; the workflow is unreachable right now and it will be delivered automatically.", now),
            DeliveryOutcome.TokenClosed => new DecisionResult(DecisionResultKind.Closed, "The workflow stopped waiting for this review before your decision arrived (it timed out or was escalated). Your decision was not applied.", now),
            _ => new DecisionResult(DecisionResultKind.Failed, delivered.Detail + " Operators have been alerted.", now),
        };
    }

    private DecisionResult Refusal(StoreResult result, string reviewerId)
    {
        var task = result.Task;
        var now = clock.GetUtcNow();
        var message = task switch
        {
            null => "This case does not exist.",
            { Decision: { } d } => $"{d.Reviewer.DisplayName} already {(d.Outcome == DecisionOutcome.Approved ? "approved" : "rejected")} this case at {d.DecidedAt.ToString("u", CultureInfo.InvariantCulture)}.",
            { Status: ReviewStatus.Expired } => "This case is closed: the workflow stopped waiting for this review (it timed out, was escalated or was completed outside the portal).",
            { Claim: { } c } when c.Until > now && c.ReviewerId != reviewerId =>
                $"{c.ReviewerName} is reviewing this case until {c.Until.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Nothing was sent.",
            { Claim: { } mine } when mine.ReviewerId == reviewerId => "Your claim on this case has lapsed. Claim it again before deciding; nothing was sent.",
            { IsOpen: true } => "You are not reviewing this case: claim it before deciding. Nothing was sent.",
            _ => "This case can no longer be changed.",
        };
        return new DecisionResult(result.Kind == StoreResultKind.NotFound ? DecisionResultKind.Invalid : DecisionResultKind.Conflict, message, task);
    }

    private static DecisionResult Invalid(string message) => new(DecisionResultKind.Invalid, message);

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();

    /// <summary>The clinician's edited text sits next to the draft it came from, one per task.</summary>
    internal static string ReviewedLocation(ReviewTask task)
    {
        var (bucket, key) = DecisionPayload.Split(task.DraftLocation);
        var stem = key.EndsWith(".md", StringComparison.Ordinal) ? key[..^3] : key;
        return $"s3://{bucket}/{stem}.reviewed-{task.Id}.md";
    }
}
