using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Paths;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>One attempt of one state: what a state's own work may use (paths, events, timers, child frames, tasks).</summary>
internal sealed class StateRun(ExecutionRun execution, Frame frame, State state, DateTimeOffset enteredTime, int retryCount, string? taskToken, CancellationToken cancellation)
{
    private StateContextObject? context;

    public ExecutionRun Execution { get; } = execution;

    public Frame Frame { get; } = frame;

    public State State { get; } = state;

    public DateTimeOffset EnteredTime { get; } = enteredTime;

    public int RetryCount { get; } = retryCount;

    public string? TaskToken { get; } = taskToken;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The input after InputPath, before Parameters: what TimeoutSecondsPath and HeartbeatSecondsPath read.</summary>
    public JsonNode? EffectiveInput { get; set; }

    public TaskRunner Tasks => Execution.Services.Tasks;

    public PathScope Scope(JsonNode? input) =>
        new(input, context ??= new StateContextObject(Execution, State, EnteredTime, RetryCount, TaskToken, null), Frame.Variables);

    public PathScope Scope(JsonNode? input, MapItem item) =>
        new(input, new StateContextObject(Execution, State, EnteredTime, RetryCount, TaskToken, item), Frame.Variables);

    public HistoryEvent Emit(HistoryEvent historyEvent) => Execution.Emit(Frame, historyEvent);

    public HistoryEvent? Recorded() => Execution.Recorded(Frame);

    /// <summary>Sleeps until <paramref name="until"/>, unless a replay shows the wait already ended before a restart.</summary>
    public async Task SleepUntilAsync(DateTimeOffset until)
    {
        if (Recorded() is not null)
        {
            return;
        }

        if (until > Execution.Now)
        {
            await LongTimer.DelayUntilAsync(Execution.Services.Time, until, Cancellation);
        }
    }

    /// <summary>Runs a Parallel branch or Map iteration in its own frame and returns its output.</summary>
    public async Task<JsonNode?> RunChildAsync(StateGraph graph, JsonNode? input, string frameName, MapItem? mapItem, CancellationToken cancellation, bool isolated = false)
    {
        var child = Frame.Child(frameName, isolated);
        if (mapItem is not null)
        {
            Execution.Emit(child, Events.MapIteration(HistoryEventType.MapIterationStarted, State.Name, mapItem.Index));
        }

        try
        {
            var output = await StateExecutor.RunGraphAsync(Execution, child, graph, input, cancellation);
            if (mapItem is not null)
            {
                Execution.Emit(child, Events.MapIteration(HistoryEventType.MapIterationSucceeded, State.Name, mapItem.Index));
            }

            return output;
        }
        catch (StateFailure) when (mapItem is not null)
        {
            Execution.Emit(child, Events.MapIteration(HistoryEventType.MapIterationFailed, State.Name, mapItem.Index));
            throw;
        }
    }
}
