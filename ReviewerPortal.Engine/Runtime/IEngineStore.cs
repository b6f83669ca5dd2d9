using ReviewerPortal.Engine.Execution;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// Everything the engine keeps: state machines, executions, their append-only histories and callback tokens —
/// in memory, or durable in SQLite so that executions and paused callbacks survive a restart.
/// </summary>
internal interface IEngineStore : IHistoryRecorder, ITokenStore, IAsyncDisposable
{
    /// <summary>Completes when every write queued so far (history, tokens, records) is durable.</summary>
    new Task FlushAsync();

    Task SaveStateMachineAsync(StateMachineRecord record);

    Task<StateMachineRecord?> GetStateMachineAsync(string arn);

    Task<IReadOnlyList<StateMachineRecord>> ListStateMachinesAsync();

    Task DeleteStateMachineAsync(string arn);

    /// <summary>Adds a new execution; false (and no change) when one with that ARN exists.</summary>
    Task<bool> TryAddExecutionAsync(ExecutionRecord record);

    Task SaveExecutionAsync(ExecutionRecord record);

    Task<ExecutionRecord?> GetExecutionAsync(string arn);

    /// <summary>Executions of a state machine, newest first, optionally of one status.</summary>
    Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(string stateMachineArn, string? status);

    Task<IReadOnlyList<ExecutionRecord>> RunningExecutionsAsync();

    /// <summary>An execution's events in id order.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadHistoryAsync(string executionArn);

    /// <summary>Map Runs of Distributed Map states and their child executions.</summary>
    MapRuns.IMapRunStore MapRuns { get; }

    /// <summary>Tokens not yet spent, to restore after a restart.</summary>
    Task<IReadOnlyList<CallbackToken>> UnspentTokensAsync();
}
