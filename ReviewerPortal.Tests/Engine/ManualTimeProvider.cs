namespace ReviewerPortal.Tests.Engine;

/// <summary>A clock the test moves: timers fire only when the test advances time, so Wait states and timeouts run instantly.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly List<ManualTimer> timers = [];
    private readonly List<(DateTimeOffset Due, TaskCompletionSource Armed)> armedWaiters = [];
    private DateTimeOffset now = start;

    // Callbacks of fired timers not yet returned: they run on the thread pool, after Advance has returned.
    private int callbacksRunning;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (timers)
        {
            return now;
        }
    }

    public int PendingTimers
    {
        get
        {
            lock (timers)
            {
                return timers.Count(t => t.Due is not null);
            }
        }
    }

    /// <summary>
    /// Waits (with a real-time deadline) until at least <paramref name="count"/> timers are pending: the engine has
    /// armed the waits the test is about to move the clock past, so none is armed after the move, from the new time.
    /// </summary>
    public async Task UntilPendingTimersAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (PendingTimers < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{PendingTimers} timer(s) pending, never {count}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// True once every timer due by the clock's time has fired and its callback has returned: what the code under test
    /// does after that (work it queued elsewhere) is the test's to wait for.
    /// </summary>
    public bool DueTimersFired
    {
        get
        {
            lock (timers)
            {
                return callbacksRunning == 0 && !timers.Any(t => t.Due <= now);
            }
        }
    }

    /// <summary>The earliest time a pending timer is due at, or null when none is pending.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (timers)
            {
                return timers.Where(t => t.Due is not null).Select(t => t.Due).Min();
            }
        }
    }

    /// <summary>
    /// Completes once a timer is pending due exactly at <paramref name="due"/> (at once if one already is): the sign
    /// that the code under test has seen the clock move and re-armed for what it waits for next. Throws naming
    /// <paramref name="what"/> when no such timer is armed within <paramref name="within"/> of real time.
    /// </summary>
    public async Task WhenTimerDueAsync(DateTimeOffset due, string what, TimeSpan within)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (timers)
        {
            if (timers.Any(t => t.Due == due))
            {
                return;
            }

            armedWaiters.Add((due, armed));
        }

        try
        {
            await armed.Task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            lock (timers)
            {
                armedWaiters.RemoveAll(w => w.Armed == armed);
                var pending = string.Join(", ", timers.Where(t => t.Due is not null).Select(t => t.Due!.Value.ToString("O")));
                throw new TimeoutException($"No timer was armed for {due:O} within {within.TotalSeconds:0} s: {what} (pending: {pending}).");
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        lock (timers)
        {
            now += by;
        }

        FireDue();
    }

    /// <summary>
    /// Moves the clock to the earliest pending timer and fires it; false when no timer is pending, or when the earliest
    /// is due after <paramref name="notAfter"/> (then the clock stays where it is).
    /// </summary>
    public bool AdvanceToNextTimer(DateTimeOffset? notAfter = null)
    {
        lock (timers)
        {
            var next = timers.Where(t => t.Due is not null).Select(t => t.Due!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (next == DateTimeOffset.MaxValue || next > notAfter)
            {
                return false;
            }

            if (next > now)
            {
                now = next;
            }
        }

        FireDue();
        return true;
    }

    // Called under the lock each time a timer is (re-)armed.
    private void ReleaseArmedWaiters(DateTimeOffset? due)
    {
        if (due is null)
        {
            return;
        }

        foreach (var waiter in armedWaiters.Where(w => w.Due == due).ToList())
        {
            armedWaiters.Remove(waiter);
            waiter.Armed.TrySetResult();
        }
    }

    private void FireDue()
    {
        List<ManualTimer> due;
        lock (timers)
        {
            due = [.. timers.Where(t => t.Due <= now)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period is { } p ? now + p : null;
                ReleaseArmedWaiters(timer.Due);
            }

            // Counted under the same lock that takes the timers off "due": DueTimersFired never sees one in neither.
            callbacksRunning += due.Count;
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void CallbackReturned()
    {
        lock (timers)
        {
            callbacksRunning--;
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.timers)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                if (!owner.timers.Contains(this))
                {
                    owner.timers.Add(this);
                }

                owner.ReleaseArmedWaiters(Due);
            }

            if (dueTime == TimeSpan.Zero)
            {
                owner.FireDue();
            }

            return true;
        }

        public void Fire() => ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                callback(state);
            }
            finally
            {
                owner.CallbackReturned();
            }
        });

        public void Dispose()
        {
            lock (owner.timers)
            {
                owner.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
