namespace ReviewerPortal.Engine.Execution;

/// <summary>What every execution of one engine shares: the clock, the history, tasks and tokens.</summary>
internal sealed class EngineServices(TimeProvider time, IHistoryRecorder history, TaskRunner tasks, TaskTokens tokens, string region, bool parkPausedExecutions = true)
{
    /// <summary>Unwind a top-level execution paused at a callback instead of keeping its frames in memory.</summary>
    public bool ParkPausedExecutions { get; } = parkPausedExecutions;

    public TimeProvider Time { get; } = time;

    public IHistoryRecorder History { get; } = history;

    public TaskRunner Tasks { get; } = tasks;

    public TaskTokens Tokens { get; } = tokens;

    public string Region { get; } = region;

    /// <summary>Runs Distributed Map states as Map Runs of child executions.</summary>
    public IDistributedMapRunner? DistributedMaps { get; init; }
}
