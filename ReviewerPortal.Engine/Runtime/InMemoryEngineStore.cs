using System.Collections.Concurrent;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>The engine's store kept in memory: fastest, and gone when the process ends.</summary>
internal sealed class InMemoryEngineStore : IEngineStore
{
    private readonly ConcurrentDictionary<string, StateMachineRecord> machines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionRecord> executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<RecordedEvent>> histories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallbackToken> tokens = new(StringComparer.Ordinal);

    public MapRuns.IMapRunStore MapRuns { get; } = new MapRuns.InMemoryMapRunStore();

    public void Append(string executionArn, string frame, int sequence, HistoryEvent historyEvent)
    {
        var history = histories.GetOrAdd(executionArn, _ => []);
        lock (history)
        {
            history.Add(new RecordedEvent(frame, sequence, historyEvent));
        }
    }

    public Task FlushAsync() => Task.CompletedTask;

    public void SaveToken(CallbackToken token) => tokens[token.Token] = token;

    public Task<CallbackToken?> FindTokenAsync(string token) => Task.FromResult(tokens.GetValueOrDefault(token));

    public Task SaveStateMachineAsync(StateMachineRecord record)
    {
        machines[record.Arn] = record;
        return Task.CompletedTask;
    }

    public Task<StateMachineRecord?> GetStateMachineAsync(string arn) => Task.FromResult(machines.GetValueOrDefault(arn));

    public Task<IReadOnlyList<StateMachineRecord>> ListStateMachinesAsync() =>
        Task.FromResult<IReadOnlyList<StateMachineRecord>>([.. machines.Values.OrderBy(m => m.Name, StringComparer.Ordinal)]);

    public Task DeleteStateMachineAsync(string arn)
    {
        machines.TryRemove(arn, out _);
        return Task.CompletedTask;
    }

    public Task<bool> TryAddExecutionAsync(ExecutionRecord record) => Task.FromResult(executions.TryAdd(record.Arn, record));

    public Task SaveExecutionAsync(ExecutionRecord record)
    {
        executions[record.Arn] = record;
        return Task.CompletedTask;
    }

    public Task<ExecutionRecord?> GetExecutionAsync(string arn) => Task.FromResult(executions.GetValueOrDefault(arn));

    public Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(string stateMachineArn, string? status) =>
        Task.FromResult<IReadOnlyList<ExecutionRecord>>([
            .. executions.Values
                .Where(e => e.StateMachineArn == stateMachineArn && (status is null || e.Status == status))
                .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Arn, StringComparer.Ordinal),
        ]);

    public Task<IReadOnlyList<ExecutionRecord>> RunningExecutionsAsync() =>
        Task.FromResult<IReadOnlyList<ExecutionRecord>>([.. executions.Values.Where(e => e.IsRunning)]);

    public Task<IReadOnlyList<RecordedEvent>> ReadHistoryAsync(string executionArn)
    {
        if (!histories.TryGetValue(executionArn, out var history))
        {
            return Task.FromResult<IReadOnlyList<RecordedEvent>>([]);
        }

        lock (history)
        {
            return Task.FromResult<IReadOnlyList<RecordedEvent>>([.. history.OrderBy(e => e.Event.Id)]);
        }
    }

    public Task<IReadOnlyList<CallbackToken>> UnspentTokensAsync() =>
        Task.FromResult<IReadOnlyList<CallbackToken>>([.. tokens.Values.Where(t => !t.Closed)]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
