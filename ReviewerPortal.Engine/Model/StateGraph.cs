namespace ReviewerPortal.Engine.Model;

/// <summary>A set of states with a start: the whole state machine, a Parallel branch, or a Map item processor.</summary>
internal class StateGraph(string startAt, IReadOnlyDictionary<string, State> states)
{
    public string StartAt { get; } = startAt;

    public IReadOnlyDictionary<string, State> States { get; } = states;
}

/// <summary>A parsed, valid state machine definition: immutable and shared by all its executions.</summary>
internal sealed class StateMachineDefinition(string startAt, IReadOnlyDictionary<string, State> states, int? timeoutSeconds, string? comment)
    : StateGraph(startAt, states)
{
    public int? TimeoutSeconds { get; } = timeoutSeconds;

    public string? Comment { get; } = comment;
}
