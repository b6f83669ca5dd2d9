using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// Builds history events with the types and detail blocks GetExecutionHistory returns; the id, previous id and
/// timestamp are set when the event is recorded.
/// </summary>
internal static class Events
{
    public static HistoryEvent StateEntered(string stateType, string name, string input) => new()
    {
        Type = stateType + "StateEntered",
        StateEnteredEventDetails = new StateEnteredEventDetails { Name = name, Input = input },
    };

    public static HistoryEvent StateExited(string stateType, string name, string output) => new()
    {
        Type = stateType + "StateExited",
        StateExitedEventDetails = new StateExitedEventDetails { Name = name, Output = output },
    };

    public static HistoryEvent ExecutionStarted(string input, string? roleArn) => new()
    {
        Type = HistoryEventType.ExecutionStarted,
        ExecutionStartedEventDetails = new ExecutionStartedEventDetails { Input = input, RoleArn = roleArn },
    };

    public static HistoryEvent ExecutionSucceeded(string output) => new()
    {
        Type = HistoryEventType.ExecutionSucceeded,
        ExecutionSucceededEventDetails = new ExecutionSucceededEventDetails { Output = output },
    };

    public static HistoryEvent ExecutionFailed(string? error, string? cause) => new()
    {
        Type = HistoryEventType.ExecutionFailed,
        ExecutionFailedEventDetails = new ExecutionFailedEventDetails { Error = error, Cause = cause },
    };

    public static HistoryEvent ExecutionAborted(string? error, string? cause) => new()
    {
        Type = HistoryEventType.ExecutionAborted,
        ExecutionAbortedEventDetails = new ExecutionAbortedEventDetails { Error = error, Cause = cause },
    };

    public static HistoryEvent ExecutionTimedOut(string? error, string? cause) => new()
    {
        Type = HistoryEventType.ExecutionTimedOut,
        ExecutionTimedOutEventDetails = new ExecutionTimedOutEventDetails { Error = error, Cause = cause },
    };

    public static HistoryEvent TaskScheduled(TaskResourceName resource, string parameters, long? timeout, long? heartbeat, string region) => new()
    {
        Type = HistoryEventType.TaskScheduled,
        TaskScheduledEventDetails = new TaskScheduledEventDetails
        {
            ResourceType = resource.Type, Resource = resource.Name, Region = region, Parameters = parameters,
            TimeoutInSeconds = timeout, HeartbeatInSeconds = heartbeat,
        },
    };

    public static HistoryEvent TaskStarted(TaskResourceName resource) => new()
    {
        Type = HistoryEventType.TaskStarted,
        TaskStartedEventDetails = new TaskStartedEventDetails { ResourceType = resource.Type, Resource = resource.Name },
    };

    public static HistoryEvent TaskSubmitted(TaskResourceName resource, string output) => new()
    {
        Type = HistoryEventType.TaskSubmitted,
        TaskSubmittedEventDetails = new TaskSubmittedEventDetails { ResourceType = resource.Type, Resource = resource.Name, Output = output },
    };

    public static HistoryEvent TaskSucceeded(TaskResourceName resource, string output) => new()
    {
        Type = HistoryEventType.TaskSucceeded,
        TaskSucceededEventDetails = new TaskSucceededEventDetails { ResourceType = resource.Type, Resource = resource.Name, Output = output },
    };

    public static HistoryEvent TaskFailed(TaskResourceName resource, string? error, string? cause) => new()
    {
        Type = HistoryEventType.TaskFailed,
        TaskFailedEventDetails = new TaskFailedEventDetails { ResourceType = resource.Type, Resource = resource.Name, Error = error, Cause = cause },
    };

    public static HistoryEvent TaskTimedOut(TaskResourceName resource, string? error, string? cause) => new()
    {
        Type = HistoryEventType.TaskTimedOut,
        TaskTimedOutEventDetails = new TaskTimedOutEventDetails { ResourceType = resource.Type, Resource = resource.Name, Error = error, Cause = cause },
    };

    public static HistoryEvent ParallelStarted() => new() { Type = HistoryEventType.ParallelStateStarted };

    public static HistoryEvent ParallelSucceeded() => new() { Type = HistoryEventType.ParallelStateSucceeded };

    public static HistoryEvent ParallelFailed() => new() { Type = HistoryEventType.ParallelStateFailed };

    public static HistoryEvent MapStarted(int length) => new()
    {
        Type = HistoryEventType.MapStateStarted,
        MapStateStartedEventDetails = new MapStateStartedEventDetails { Length = length },
    };

    public static HistoryEvent MapSucceeded() => new() { Type = HistoryEventType.MapStateSucceeded };

    public static HistoryEvent MapFailed() => new() { Type = HistoryEventType.MapStateFailed };

    public static HistoryEvent MapIteration(string type, string mapName, int index) => new()
    {
        Type = type,
        MapIterationStartedEventDetails = type == HistoryEventType.MapIterationStarted ? new MapIterationEventDetails { Name = mapName, Index = index } : null,
        MapIterationSucceededEventDetails = type == HistoryEventType.MapIterationSucceeded ? new MapIterationEventDetails { Name = mapName, Index = index } : null,
        MapIterationFailedEventDetails = type == HistoryEventType.MapIterationFailed ? new MapIterationEventDetails { Name = mapName, Index = index } : null,
    };
}

/// <summary>
/// A resource as history shows it: <c>arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken</c> is type
/// <c>aws-sdk:dynamodb</c>, name <c>putItem.waitForTaskToken</c>; a Lambda function ARN is type <c>lambda</c>.
/// </summary>
internal readonly record struct TaskResourceName(string Type, string Name)
{
    private const string ServicePrefix = "arn:aws:states:::";

    public static TaskResourceName Of(string resource)
    {
        if (resource.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            var rest = resource[ServicePrefix.Length..];
            var split = rest.LastIndexOf(':');
            var suffix = rest.EndsWith(".sync:2", StringComparison.Ordinal) ? rest.LastIndexOf(':', split - 1) : split;
            return suffix > 0 ? new TaskResourceName(rest[..suffix], rest[(suffix + 1)..]) : new TaskResourceName(rest, rest);
        }

        return resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal)
            ? new TaskResourceName("lambda", resource)
            : new TaskResourceName("unknown", resource);
    }
}
