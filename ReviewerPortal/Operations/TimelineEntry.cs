using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Operations;

/// <summary>What kind of step a history event is, for the timeline's icon and colour.</summary>
public enum TimelineKind
{
    Execution,
    StateEntered,
    StateExited,
    TaskScheduled,
    TaskSubmitted,
    TaskSucceeded,
    TaskFailed,
    TaskTimedOut,
}

/// <summary>One line of an execution's timeline, as Step Functions' console shows it.</summary>
public sealed record TimelineEntry(long Id, DateTime At, TimelineKind Kind, string Type, string? StateName, string? Detail)
{
    /// <summary>The entries of a history; state names are carried onto the task events that follow their entry.</summary>
    public static IReadOnlyList<TimelineEntry> From(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var entries = new List<TimelineEntry>();
        string? state = null;
        foreach (var e in events)
        {
            state = e.StateEnteredEventDetails?.Name ?? state;
            var (kind, detail) = Describe(e);
            entries.Add(new TimelineEntry(e.Id, e.Timestamp, kind, e.Type ?? "Unknown", e.StateEnteredEventDetails?.Name ?? e.StateExitedEventDetails?.Name ?? state, detail));
        }

        return entries;
    }

    private static (TimelineKind Kind, string? Detail) Describe(HistoryEvent e) => e.Type switch
    {
        HistoryEventType.ExecutionStarted => (TimelineKind.Execution, "Execution started"),
        HistoryEventType.ExecutionSucceeded => (TimelineKind.Execution, "Execution succeeded"),
        HistoryEventType.ExecutionFailed => (TimelineKind.Execution, $"Execution failed: {e.ExecutionFailedEventDetails?.Error}"),
        HistoryEventType.ExecutionTimedOut => (TimelineKind.Execution, "Execution timed out"),
        HistoryEventType.ExecutionAborted => (TimelineKind.Execution, "Execution aborted"),
        HistoryEventType.TaskScheduled => (TimelineKind.TaskScheduled, ShortResource(e.TaskScheduledEventDetails?.Resource)),
        HistoryEventType.TaskSubmitted => (TimelineKind.TaskSubmitted, "Submitted; waiting for the callback"),
        HistoryEventType.TaskSucceeded => (TimelineKind.TaskSucceeded, ShortResource(e.TaskSucceededEventDetails?.Resource)),
        HistoryEventType.TaskFailed => (TimelineKind.TaskFailed, e.TaskFailedEventDetails?.Error),
        HistoryEventType.TaskTimedOut => (TimelineKind.TaskTimedOut, e.TaskTimedOutEventDetails?.Error),
        _ when e.StateEnteredEventDetails is not null => (TimelineKind.StateEntered, null),
        _ when e.StateExitedEventDetails is not null => (TimelineKind.StateExited, null),
        _ => (TimelineKind.Execution, null),
    };

    // "arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken" → "dynamodb:putItem.waitForTaskToken"
    private static string? ShortResource(string? resource) =>
        resource is null ? null : resource.Replace("arn:aws:states:::", string.Empty, StringComparison.Ordinal).Replace("aws-sdk:", string.Empty, StringComparison.Ordinal);
}
