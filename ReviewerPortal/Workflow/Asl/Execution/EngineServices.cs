namespace ReviewerPortal.Workflow.Asl.Execution;

/// <summary>What every execution of one engine shares: the clock, the history, tasks and tokens.</summary>
internal sealed class EngineServices(TimeProvider time, IHistoryRecorder history, TaskRunner tasks, TaskTokens tokens, string region)
{
    public TimeProvider Time { get; } = time;

    public IHistoryRecorder History { get; } = history;

    public TaskRunner Tasks { get; } = tasks;

    public TaskTokens Tokens { get; } = tokens;

    public string Region { get; } = region;
}
