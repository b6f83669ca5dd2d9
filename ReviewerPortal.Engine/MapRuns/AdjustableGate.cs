namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Admits at most <see cref="Limit"/> child executions at once; UpdateMapRun may change the limit while the Map Run
/// runs, and waiters see the new limit at once.
/// </summary>
internal sealed class AdjustableGate(int limit)
{
    private readonly object sync = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int limit = limit;
    private int inFlight;

    public int Limit
    {
        get
        {
            lock (sync)
            {
                return limit;
            }
        }

        set
        {
            lock (sync)
            {
                limit = value;
                Signal();
            }
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (sync)
            {
                if (inFlight < limit)
                {
                    inFlight++;
                    return;
                }

                wait = changed.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    public void Release()
    {
        lock (sync)
        {
            inFlight--;
            Signal();
        }
    }

    private void Signal()
    {
        changed.TrySetResult();
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
