using System.Globalization;
using Microsoft.Extensions.Options;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Escalations;

/// <summary>
/// A supervisor's overrides of another reviewer's claim: release it back to the queue, or take the case over. Each is
/// re-authorized for the circuit's current user just before it runs, applies only while the claim is still the one
/// the supervisor saw, and is written to the audit trail with the supervisor's stable id and name in the same write.
/// </summary>
public sealed class ClaimOverrides(
    ActionAuthorization authorization,
    IReviewTaskStore store,
    ClaimHeartbeats heartbeats,
    IOptions<DecisionOptions> options,
    TimeProvider clock)
{
    public Task<ActionOutcome> ReleaseAsync(ReviewTask shown, CancellationToken cancellationToken) =>
        OverrideAsync(PortalAction.ReleaseOthersClaim, shown, async (supervisor, holder) =>
        {
            var result = await store.OverrideClaimAsync(shown.Id, holder.ReviewerId, supervisor, reassignTo: null, cancellationToken).ConfigureAwait(false);
            return result.Applied
                ? new ActionOutcome(true, $"{holder.ReviewerName}'s claim on {shown.CaseId} is released; the case is back in the {Wire(shown.Queue)} queue.")
                : Refusal(shown, holder, result);
        });

    /// <summary>Reassigns the case to the supervisor, with a fresh lease and a heartbeat so the workflow keeps waiting.</summary>
    public Task<ActionOutcome> TakeOverAsync(ReviewTask shown, CancellationToken cancellationToken) =>
        OverrideAsync(PortalAction.Reassign, shown, async (supervisor, holder) =>
        {
            var lease = new ClaimLease(supervisor.Id, supervisor.DisplayName, clock.GetUtcNow() + options.Value.ClaimLease);
            var result = await store.OverrideClaimAsync(shown.Id, holder.ReviewerId, supervisor, lease, cancellationToken).ConfigureAwait(false);
            if (!result.Applied)
            {
                return Refusal(shown, holder, result);
            }

            return await heartbeats.BeatAsync(result.Task!, cancellationToken).ConfigureAwait(false)
                ? new ActionOutcome(true, $"You now hold {shown.CaseId} until {Time(lease.Until)}, taken over from {holder.ReviewerName}.")
                : new ActionOutcome(false, $"The workflow stopped waiting for {shown.CaseId} (it timed out or was escalated); it is closed.");
        });

    /// <summary>Re-authorizes <paramref name="action"/> for the circuit's user now, then overrides the claim the page showed.</summary>
    private async Task<ActionOutcome> OverrideAsync(PortalAction action, ReviewTask shown, Func<Reviewer, ClaimLease, Task<ActionOutcome>> apply)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var holder = shown.Claim ?? throw new ArgumentException("The task shown has no claim to override.", nameof(shown));
        Reviewer supervisor;
        try
        {
            supervisor = await authorization.RequireAsync(action).ConfigureAwait(false);
        }
        catch (ActionDeniedException denied)
        {
            return new ActionOutcome(false, denied.Message);
        }

        return await apply(supervisor, holder).ConfigureAwait(false);
    }

    /// <summary>Says what the case looks like now, so the supervisor sees why nothing changed.</summary>
    private static ActionOutcome Refusal(ReviewTask shown, ClaimLease holder, StoreResult result) => new(false, result.Task switch
    {
        null => $"{shown.CaseId} no longer exists; nothing was changed.",
        { IsOpen: false } => $"{shown.CaseId} is closed now; nothing was changed.",
        { Status: ReviewStatus.Claimed, Claim: { } now } when now.ReviewerId != holder.ReviewerId =>
            $"{shown.CaseId} is now held by {now.ReviewerName} until {Time(now.Until)}; nothing was changed.",
        _ => $"{holder.ReviewerName} no longer holds {shown.CaseId}; nothing was changed.",
    });

    private static string Wire(QueueName queue) => queue.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
