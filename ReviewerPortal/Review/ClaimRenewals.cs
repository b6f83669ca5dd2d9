using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Review;

/// <summary>
/// Keeps a clinician's claim alive for as long as their review page is open in this process, so a long read does not
/// lose the case to a lapsed lease (and, through <see cref="ClaimHeartbeats"/>, to an escalation) while they work. A
/// page that closes stops renewing and the lease runs out as usual. One loop per process, not one per browser.
/// </summary>
public sealed class ClaimRenewals(
    IReviewTaskStore store,
    IOptions<DecisionOptions> options,
    TimeProvider clock,
    ILogger<ClaimRenewals> logger) : BackgroundService
{
    // (task id, reviewer id) → how many open pages hold it (a clinician may have the case open in two tabs).
    private readonly ConcurrentDictionary<(string TaskId, string ReviewerId), int> _held = new();

    /// <summary>Renews <paramref name="reviewerId"/>'s claim on <paramref name="taskId"/> until the result is disposed.</summary>
    public IDisposable Hold(string taskId, string reviewerId)
    {
        var key = (taskId, reviewerId);
        _held.AddOrUpdate(key, 1, (_, pages) => pages + 1);
        return new Holding(this, key);
    }

    /// <summary>Claims currently held open by a page in this process.</summary>
    public IReadOnlyCollection<(string TaskId, string ReviewerId)> Held => [.. _held.Keys];

    /// <summary>Extends every held claim to a full lease from now; returns how many were renewed.</summary>
    public async Task<int> RenewHeldAsync(CancellationToken cancellationToken)
    {
        var renewed = 0;
        foreach (var (taskId, reviewerId) in Held)
        {
            // A claim that lapsed, was released or taken over is refused: the page learns of it from the change.
            var result = await store.RenewClaimAsync(taskId, reviewerId, clock.GetUtcNow() + options.Value.ClaimLease, cancellationToken).ConfigureAwait(false);
            renewed += result.Applied ? 1 : 0;
        }

        return renewed;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            options.Value.HeartbeatInterval, clock, immediately: false, RenewHeldAsync, e => logger.RoundFailed(e, "Renewing claims held by open pages"), stoppingToken);

    private void Release((string TaskId, string ReviewerId) key)
    {
        // Decrement, removing the entry at zero, without racing a concurrent Hold of the same key.
        while (_held.TryGetValue(key, out var pages))
        {
            if (pages <= 1 ? _held.TryRemove(new KeyValuePair<(string, string), int>(key, pages)) : _held.TryUpdate(key, pages - 1, pages))
            {
                return;
            }
        }
    }

    private sealed class Holding(ClaimRenewals owner, (string, string) key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(key);
            }
        }
    }
}
