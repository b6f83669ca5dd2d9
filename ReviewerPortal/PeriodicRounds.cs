namespace ReviewerPortal;

/// <summary>
/// The loop every background round of the portal shares (heartbeats, renewals, reconciliation, Aws-mode intake and
/// change watching): one round per interval on the injected clock, a failed round reported and the next one run all the
/// same. Only shutdown ends it: a timeout inside a round (a TaskCanceledException from an HTTP client) is a failed round,
/// not a reason to stop the service, which by default would stop the whole host.
/// </summary>
internal static class PeriodicRounds
{
    /// <param name="immediately">Run the first round at once instead of after the first interval.</param>
    public static async Task RunAsync(
        TimeSpan interval,
        TimeProvider clock,
        bool immediately,
        Func<CancellationToken, Task> round,
        Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            if (!immediately && !await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }

            do
            {
                try
                {
                    await round(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    failed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
