namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// A timer for any due time, however far ahead. .NET timers stop at about 49.7 days (2^32 - 2 ms) and throw beyond;
/// Step Functions allows waits and timeouts of up to a year, so this one re-arms in steps until the due time comes.
/// </summary>
internal sealed class LongTimer : IDisposable
{
    /// <summary>The longest single step; well inside the .NET limit.</summary>
    internal static readonly TimeSpan MaxStep = TimeSpan.FromDays(30);

    private readonly TimeProvider time;
    private readonly DateTimeOffset due;
    private readonly Action elapsed;
    private readonly Lock gate = new();
    private ITimer? timer;
    private bool disposed;

    private LongTimer(TimeProvider time, DateTimeOffset due, Action elapsed)
    {
        this.time = time;
        this.due = due;
        this.elapsed = elapsed;
    }

    /// <summary>Calls <paramref name="elapsed"/> once, on a timer thread, when the clock reaches <paramref name="due"/>.</summary>
    public static LongTimer Start(TimeProvider time, DateTimeOffset due, Action elapsed)
    {
        var timer = new LongTimer(time, due, elapsed);
        timer.Arm(fromTimer: false);
        return timer;
    }

    /// <summary>Waits until the clock reaches <paramref name="due"/> (a <c>Task.Delay</c> without the length limit).</summary>
    public static async Task DelayUntilAsync(TimeProvider time, DateTimeOffset due, CancellationToken cancellation)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = Start(time, due, () => done.TrySetResult());
        await using var registration = cancellation.Register(() => done.TrySetCanceled(cancellation));
        await done.Task;
    }

    /// <summary>A cancellation source cancelled when the clock reaches <paramref name="due"/>; dispose the timer with it.</summary>
    public static (CancellationTokenSource Source, LongTimer Timer) CancelAt(TimeProvider time, DateTimeOffset due)
    {
        var source = new CancellationTokenSource();
        return (source, Start(time, due, () => Cancel(source)));
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The work it guarded already ended.
        }
    }

    /// <summary>
    /// Schedules the next step; only a timer callback ends the wait, so <c>elapsed</c> never runs on the caller's
    /// thread (callers hold locks while they arm).
    /// </summary>
    private void Arm(bool fromTimer)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var left = due - time.GetUtcNow();
            timer?.Dispose();
            timer = null;
            if (left > TimeSpan.Zero || !fromTimer)
            {
                var step = left <= TimeSpan.Zero ? TimeSpan.Zero : left < MaxStep ? left : MaxStep;
                timer = time.CreateTimer(_ => Arm(fromTimer: true), null, step, Timeout.InfiniteTimeSpan);
                return;
            }

            disposed = true;
        }

        elapsed();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
            timer = null;
        }
    }
}
