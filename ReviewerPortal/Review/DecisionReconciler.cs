using Microsoft.Extensions.Options;

namespace ReviewerPortal.Review;

/// <summary>
/// Finishes decisions left in DECIDING after a crash or an outage: if the execution history shows the gate already
/// completed by our decision, the task becomes DECIDED; if the gate closed otherwise, EXPIRED; if it is still waiting,
/// the decision is sent again.
/// </summary>
public sealed class DecisionReconciler(
    IReviewTaskStore store,
    GateOutcome gates,
    DecisionDelivery delivery,
    IOptions<DecisionOptions> options,
    TimeProvider clock,
    ILogger<DecisionReconciler> logger) : BackgroundService
{
    /// <summary>One pass over the DECIDING tasks; returns how many were finished (DECIDED or EXPIRED).</summary>
    public async Task<int> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        foreach (var task in await store.ListDecidingAsync(100, cancellationToken).ConfigureAwait(false))
        {
            // A fresh decision is still being delivered by the request that recorded it.
            if (task.Decision is null || clock.GetUtcNow() - task.Decision.DecidedAt < options.Value.ReconcileGrace)
            {
                continue;
            }

            var outcome = await gates.FindAsync(task, cancellationToken).ConfigureAwait(false);
            if (outcome == GateOutcomeKind.Decided)
            {
                finished += (await store.CompleteDecisionAsync(task.Id, cancellationToken).ConfigureAwait(false)).Applied ? 1 : 0;
            }
            else if (outcome == GateOutcomeKind.Closed)
            {
                finished += (await store.MarkExpiredAsync(task.Id, "gate closed before the decision was delivered", cancellationToken).ConfigureAwait(false)).Applied ? 1 : 0;
            }
            else
            {
                var result = await delivery.DeliverAsync(task, cancellationToken).ConfigureAwait(false);
                finished += result.Outcome is DeliveryOutcome.Delivered or DeliveryOutcome.TokenClosed ? 1 : 0;
            }
        }

        return finished;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            options.Value.ReconcileInterval, clock, immediately: true, ReconcileOnceAsync, e => logger.RoundFailed(e, "Reconciling recorded decisions"), stoppingToken);
}
