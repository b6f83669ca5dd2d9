using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Execution;

internal enum CallbackResult
{
    Succeeded,
    Failed,
    TimedOut,
    HeartbeatTimedOut,
}

/// <summary>How a paused task ended: SendTaskSuccess, SendTaskFailure, or one of its timers.</summary>
internal sealed record CallbackOutcome(CallbackResult Result, string? Output = null, string? Error = null, string? Cause = null);

/// <summary>A callback token and its attempt; <see cref="TaskTokens"/> guards its transitions.</summary>
internal sealed class CallbackToken(string token, string executionArn, string attemptKey, DateTimeOffset lastHeartbeat)
{
    public string Token { get; } = token;

    public string ExecutionArn { get; } = executionArn;

    /// <summary>The task attempt the token is bound to (frame and position in the execution).</summary>
    public string AttemptKey { get; } = attemptKey;

    public DateTimeOffset LastHeartbeat { get; set; } = lastHeartbeat;

    /// <summary>Set once, by a callback or a timer; later callbacks answer TaskTimedOut.</summary>
    public CallbackOutcome? Outcome { get; set; }

    /// <summary>Consumed by the execution: the token is spent.</summary>
    public bool Closed { get; set; }

    public TaskCompletionSource<CallbackOutcome>? Waiter { get; set; }

    /// <summary>While the execution is parked (no frame waits on it): what resumes it, and its deadline timer.</summary>
    public Action? Resume { get; set; }

    public IDisposable? DeadlineTimer { get; set; }

    public TaskDeadlines Deadlines { get; set; }
}

/// <summary>When a paused task times out: TimeoutSeconds from when it was scheduled, HeartbeatSeconds from the last heartbeat.</summary>
internal readonly record struct TaskDeadlines(DateTimeOffset ScheduledAt, int? TimeoutSeconds, int? HeartbeatSeconds)
{
    public DateTimeOffset? Next(DateTimeOffset lastHeartbeat)
    {
        DateTimeOffset? timeout = TimeoutSeconds is { } t ? ScheduledAt.AddSeconds(t) : null;
        DateTimeOffset? heartbeat = HeartbeatSeconds is { } h ? lastHeartbeat.AddSeconds(h) : null;
        return timeout is null ? heartbeat : heartbeat is null ? timeout : timeout < heartbeat ? timeout : heartbeat;
    }

    /// <summary>The outcome if a deadline has passed at <paramref name="now"/>, else null.</summary>
    public CallbackOutcome? Expired(DateTimeOffset now, DateTimeOffset lastHeartbeat)
    {
        if (TimeoutSeconds is { } t && now >= ScheduledAt.AddSeconds(t))
        {
            return new CallbackOutcome(CallbackResult.TimedOut);
        }

        return HeartbeatSeconds is { } h && now >= lastHeartbeat.AddSeconds(h) ? new CallbackOutcome(CallbackResult.HeartbeatTimedOut) : null;
    }
}

/// <summary>
/// Unwinds a top-level execution paused at a callback, so that it holds no frames, tasks or timers of its own while it
/// waits: the callback (or a deadline) resumes it by replaying its history.
/// </summary>
internal sealed class ExecutionSuspendedException : Exception
{
    public ExecutionSuspendedException(string token, TaskDeadlines deadlines)
        : base("The execution is parked at a callback.")
    {
        Token = token;
        Deadlines = deadlines;
    }

    public ExecutionSuspendedException()
        : this(string.Empty, default(TaskDeadlines))
    {
    }

    public ExecutionSuspendedException(string message)
        : base(message)
    {
        Token = string.Empty;
    }

    public ExecutionSuspendedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Token = string.Empty;
    }

    public string Token { get; }

    public TaskDeadlines Deadlines { get; }
}

/// <summary>Durable copy of callback tokens, so paused tasks stay valid across a restart.</summary>
internal interface ITokenStore
{
    void SaveToken(CallbackToken token);

    /// <summary>The stored state of a token ever issued (open or spent), or null.</summary>
    Task<CallbackToken?> FindTokenAsync(string token);

    /// <summary>Completes when every token change so far is durable.</summary>
    Task FlushAsync();
}

/// <summary>Thrown inside the task runner when a task reached a named end (its error is recorded as TaskFailed or TaskTimedOut).</summary>
internal static class TaskOutcomes
{
    public static StateFailure Timeout(TaskState state) =>
        new(StatesErrors.Timeout, $"The task '{state.Name}' did not finish within its TimeoutSeconds.");

    public static StateFailure HeartbeatTimeout(TaskState state) =>
        new(StatesErrors.HeartbeatTimeout, $"The task '{state.Name}' sent no heartbeat within its HeartbeatSeconds.");
}
