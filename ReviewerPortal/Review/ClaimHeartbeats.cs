using Microsoft.Extensions.Options;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Review;

/// <summary>
/// Keeps the review gate's HeartbeatSeconds timer from escalating work a clinician is actively doing: a heartbeat when a
/// task is claimed, and one per interval for every claim still held. One loop per process, not one per browser.
/// </summary>
public sealed class ClaimHeartbeats(
    IAmazonStepFunctions stepFunctions,
    IReviewTaskStore store,
    IOptions<DecisionOptions> options,
    TimeProvider clock,
    ILogger<ClaimHeartbeats> logger) : BackgroundService
{
    /// <summary>Sends one heartbeat; false when the token is closed (the task is then marked expired).</summary>
    public async Task<bool> BeatAsync(ReviewTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await stepFunctions.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = task.TaskToken }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException)
        {
            // Only an answer that the task itself is over closes it: moto (and an un-heartbeated gate) may answer
            // InvalidToken to a heartbeat for a task that still accepts its decision.
            if (e is TaskTimedOutException or TaskDoesNotExistException)
            {
                await store.MarkExpiredAsync(task.Id, (e as Amazon.Runtime.AmazonServiceException)?.ErrorCode ?? "TaskTimedOut", cancellationToken).ConfigureAwait(false);
                return false;
            }

            // A missed heartbeat is retried on the next round; the heartbeat window is several rounds long.
            logger.HeartbeatFailed(task.Id, e.GetType().Name);
            return true;
        }
    }

    /// <summary>Heartbeats every task currently held under a live claim; returns how many were sent.</summary>
    public async Task<int> BeatHeldClaimsAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        await foreach (var task in OpenTasks.AllAsync(store, cancellationToken).ConfigureAwait(false))
        {
            if (task.Status == ReviewStatus.Claimed && task.Claim?.Until > clock.GetUtcNow())
            {
                await BeatAsync(task, cancellationToken).ConfigureAwait(false);
                sent++;
            }
        }

        return sent;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            options.Value.HeartbeatInterval, clock, immediately: false, BeatHeldClaimsAsync, e => logger.RoundFailed(e, "Heartbeating held claims"), stoppingToken);
}
