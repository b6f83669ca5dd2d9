using Microsoft.Extensions.Options;

namespace ReviewerPortal.Review;

/// <summary>
/// Keeps the portal's view of open tasks in step with the workflow: a gate whose token was completed outside the portal
/// (the Step Functions API, another tool) or that timed out closes its task, which leaves the queue and tells an open
/// review page what happened. One loop per process; its cost follows the open tasks, not the open browsers.
/// </summary>
public sealed class GateFollower(
    IReviewTaskStore store,
    GateOutcome gates,
    IOptions<DecisionOptions> options,
    TimeProvider clock,
    ILogger<GateFollower> logger) : BackgroundService
{
    public const string CompletedElsewhere = "the workflow's gate was completed outside the portal";
    public const string ClosedElsewhere = "the workflow stopped waiting (timed out, escalated or ended)";

    /// <summary>One pass over the open tasks; returns how many were closed.</summary>
    public async Task<int> FollowOnceAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        await foreach (var task in OpenTasks.AllAsync(store, cancellationToken).ConfigureAwait(false))
        {
            GateOutcomeKind outcome;
            try
            {
                outcome = await gates.FindAsync(task, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException)
            {
                // One unreadable execution (deleted, or in another account) must not stop the others being followed.
                logger.GateUnreadable(e, task.Id);
                continue;
            }

            if (outcome != GateOutcomeKind.Waiting)
            {
                // Only while still open: a decision recorded meanwhile by this portal is what closed the gate.
                var reason = outcome == GateOutcomeKind.Decided ? CompletedElsewhere : ClosedElsewhere;
                closed += (await store.CloseOpenAsync(task.Id, reason, cancellationToken).ConfigureAwait(false)).Applied ? 1 : 0;
            }
        }

        return closed;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            options.Value.GateCheckInterval, clock, immediately: false, FollowOnceAsync, e => logger.RoundFailed(e, "Following review gates"), stoppingToken);
}
