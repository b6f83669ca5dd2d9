namespace ReviewerPortal.Engine.Execution;

/// <summary>Parked executions: a token alone waits for its callback or deadline, then resumes its execution.</summary>
internal sealed partial class TaskTokens
{
    /// <summary>
    /// Parks the execution waiting on <paramref name="token"/>: <paramref name="resume"/> runs once, when the token is
    /// settled or a deadline passes (then settled as timed out). Only the token entry and one timer stay in memory.
    /// </summary>
    public void Park(string token, TaskDeadlines deadlines, Action resume)
    {
        if (!open.TryGetValue(token, out var entry))
        {
            resume();
            return;
        }

        lock (entry)
        {
            entry.Deadlines = deadlines;
            if (entry.Outcome is null)
            {
                entry.Resume = resume;
                Arm(entry);
                return;
            }
        }

        resume();
    }

    private void Arm(CallbackToken entry)
    {
        entry.DeadlineTimer?.Dispose();
        entry.DeadlineTimer = null;
        if (entry.Deadlines.Next(entry.LastHeartbeat) is { } deadline)
        {
            // Most deadlines fit one .NET timer (and cost less memory per paused execution); longer ones step.
            var due = deadline - time.GetUtcNow();
            entry.DeadlineTimer = due < LongTimer.MaxStep
                ? time.CreateTimer(OnDeadline, entry, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan)
                : LongTimer.Start(time, deadline, () => OnDeadline(entry));
        }
    }

    private void OnDeadline(object? state)
    {
        var entry = (CallbackToken)state!;
        lock (entry)
        {
            if (entry.Outcome is not null || entry.Resume is null)
            {
                return;
            }

            var expired = entry.Deadlines.Expired(time.GetUtcNow(), entry.LastHeartbeat);
            if (expired is null)
            {
                Arm(entry);
                return;
            }

            entry.Outcome = expired;
        }

        store.SaveToken(entry);
        Wake(entry);
    }

    private static void Wake(CallbackToken entry)
    {
        Action? resume;
        lock (entry)
        {
            resume = entry.Resume;
            entry.Resume = null;
            entry.DeadlineTimer?.Dispose();
            entry.DeadlineTimer = null;
        }

        resume?.Invoke();
    }

    public async Task HeartbeatAsync(string? token)
    {
        var entry = await FindOpenAsync(token);
        lock (entry)
        {
            if (entry.Outcome is not null || entry.Closed)
            {
                throw Spent();
            }

            entry.LastHeartbeat = time.GetUtcNow();
        }

        store.SaveToken(entry);
    }
}
