namespace ReviewerPortal.StepFunctions.Model;

/// <summary>One entry of an execution's history (GetExecutionHistory), with the details block its type carries.</summary>
public sealed class HistoryEvent
{
    public DateTime Timestamp { get; set; }

    /// <summary>Event type name as on the wire, e.g. <c>TaskStateEntered</c>; see <see cref="HistoryEventType"/>.</summary>
    public string? Type { get; set; }
    public long Id { get; set; }
    public long PreviousEventId { get; set; }
    public ExecutionStartedEventDetails? ExecutionStartedEventDetails { get; set; }
    public ExecutionSucceededEventDetails? ExecutionSucceededEventDetails { get; set; }
    public ExecutionFailedEventDetails? ExecutionFailedEventDetails { get; set; }
    public ExecutionAbortedEventDetails? ExecutionAbortedEventDetails { get; set; }
    public ExecutionTimedOutEventDetails? ExecutionTimedOutEventDetails { get; set; }
    public ExecutionRedrivenEventDetails? ExecutionRedrivenEventDetails { get; set; }
    public StateEnteredEventDetails? StateEnteredEventDetails { get; set; }
    public StateExitedEventDetails? StateExitedEventDetails { get; set; }
    public TaskScheduledEventDetails? TaskScheduledEventDetails { get; set; }
    public TaskStartedEventDetails? TaskStartedEventDetails { get; set; }
    public TaskSubmittedEventDetails? TaskSubmittedEventDetails { get; set; }
    public TaskSucceededEventDetails? TaskSucceededEventDetails { get; set; }
    public TaskFailedEventDetails? TaskFailedEventDetails { get; set; }
    public TaskTimedOutEventDetails? TaskTimedOutEventDetails { get; set; }
    public TaskStartFailedEventDetails? TaskStartFailedEventDetails { get; set; }
    public TaskSubmitFailedEventDetails? TaskSubmitFailedEventDetails { get; set; }
    public MapStateStartedEventDetails? MapStateStartedEventDetails { get; set; }
    public MapIterationEventDetails? MapIterationStartedEventDetails { get; set; }
    public MapIterationEventDetails? MapIterationSucceededEventDetails { get; set; }
    public MapIterationEventDetails? MapIterationFailedEventDetails { get; set; }
    public MapIterationEventDetails? MapIterationAbortedEventDetails { get; set; }
    public MapRunStartedEventDetails? MapRunStartedEventDetails { get; set; }
    public MapRunFailedEventDetails? MapRunFailedEventDetails { get; set; }
    public MapRunRedrivenEventDetails? MapRunRedrivenEventDetails { get; set; }
}

public sealed class ExecutionStartedEventDetails
{
    public string? Input { get; set; }
    public string? RoleArn { get; set; }
    public string? StateMachineVersionArn { get; set; }
}

public sealed class ExecutionSucceededEventDetails
{
    public string? Output { get; set; }
}

public sealed class ExecutionFailedEventDetails
{
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class ExecutionAbortedEventDetails
{
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class ExecutionTimedOutEventDetails
{
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class ExecutionRedrivenEventDetails
{
    public int? RedriveCount { get; set; }
}

public sealed class StateEnteredEventDetails
{
    public string? Name { get; set; }
    public string? Input { get; set; }
}

public sealed class StateExitedEventDetails
{
    public string? Name { get; set; }
    public string? Output { get; set; }
}

public sealed class TaskScheduledEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
    public string? Region { get; set; }
    public string? Parameters { get; set; }
    public long? TimeoutInSeconds { get; set; }
    public long? HeartbeatInSeconds { get; set; }
}

public sealed class TaskStartedEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
}

public sealed class TaskSubmittedEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
    public string? Output { get; set; }
}

public sealed class TaskSucceededEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
    public string? Output { get; set; }
}

public sealed class TaskFailedEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class TaskTimedOutEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class TaskStartFailedEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class TaskSubmitFailedEventDetails
{
    public string? ResourceType { get; set; }
    public string? Resource { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class MapStateStartedEventDetails
{
    public int? Length { get; set; }
}

public sealed class MapIterationEventDetails
{
    public string? Name { get; set; }
    public int? Index { get; set; }
}

public sealed class MapRunStartedEventDetails
{
    public string? MapRunArn { get; set; }
}

public sealed class MapRunFailedEventDetails
{
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

public sealed class MapRunRedrivenEventDetails
{
    public string? MapRunArn { get; set; }
    public int? RedriveCount { get; set; }
}
