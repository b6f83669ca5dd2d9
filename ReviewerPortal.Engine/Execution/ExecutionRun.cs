using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// One running execution: its identity, parsed definition, input and event numbering. When it resumes after a
/// restart it carries the recorded events, and emitting an event already recorded returns the recorded one instead
/// of appending it again: replaying the interpreter over its own history brings it back to where it stopped.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly ConcurrentDictionary<(string Frame, int Sequence), HistoryEvent>? replay;
    private readonly ConcurrentDictionary<string, TaskResourceName> scheduledTasks = new(StringComparer.Ordinal);

    // Ending and recording a callback's outcome exclude each other: a stop either sees the outcome recorded (and its
    // token spent) or records the acknowledged outcome itself; no event follows the one that ends the execution.
    private readonly Lock gate = new();
    private bool ended;
    private bool recordingEnd;
    private long lastEventId;

    public ExecutionRun(ExecutionIdentity identity, StateMachineDefinition definition, JsonNode? input, EngineServices services, IReadOnlyList<RecordedEvent>? recorded)
    {
        Identity = identity;
        Definition = definition;
        Input = input;
        Services = services;
        if (recorded is { Count: > 0 })
        {
            // Only what a redrive keeps replays; ids continue after every recorded event, the dropped ones included.
            replay = new ConcurrentDictionary<(string, int), HistoryEvent>(RedriveReplay.Live(recorded).Select(r => KeyValuePair.Create((r.Frame, r.Sequence), r.Event)));
            lastEventId = recorded.Max(r => r.Event.Id);
            foreach (var r in recorded.Where(r => r.Event.Type == HistoryEventType.TaskScheduled))
            {
                NoteTaskScheduled($"{r.Frame}#{r.Sequence}", r.Event);
            }
        }
    }

    public ExecutionIdentity Identity { get; }

    public string Arn => Identity.ExecutionArn;

    public StateMachineDefinition Definition { get; }

    public JsonNode? Input { get; }

    public EngineServices Services { get; }

    /// <summary>Cancelled by StopExecution or the state machine's TimeoutSeconds.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    public DateTimeOffset Now => Services.Time.GetUtcNow();

    /// <summary>Callback tokens issued to this run, spent when it ends.</summary>
    public IssuedTokens Tokens { get; } = new();

    public HistoryEvent Emit(Frame frame, HistoryEvent historyEvent)
    {
        lock (gate)
        {
            // After the end (a stop) the run's strands unwind as cancelled instead of writing past ExecutionAborted.
            return ended && !EndsExecution(historyEvent.Type) && !recordingEnd
                ? throw new OperationCanceledException("The execution has ended.")
                : Append(frame, historyEvent);
        }
    }

    public bool HasEnded
    {
        get
        {
            lock (gate)
            {
                return ended;
            }
        }
    }

    /// <summary>
    /// Ends the run once: <paramref name="recordEnd"/> writes its last events, and every later event of the run's own
    /// strands is refused. False when the run had already ended.
    /// </summary>
    public bool TryEnd(Action recordEnd)
    {
        lock (gate)
        {
            if (ended)
            {
                return false;
            }

            ended = true;
            recordingEnd = true;
            try
            {
                recordEnd();
            }
            finally
            {
                recordingEnd = false;
            }

            return true;
        }
    }

    /// <summary>
    /// Records a callback task's outcome and spends its token in one step, unless the run has ended: then the stop
    /// already recorded the outcome the API acknowledged, and this strand unwinds as cancelled.
    /// </summary>
    public HistoryEvent EmitCallbackOutcome(Frame frame, HistoryEvent historyEvent, string token)
    {
        lock (gate)
        {
            var emitted = Emit(frame, historyEvent);
            Services.Tokens.Spend(token);
            return emitted;
        }
    }

    /// <summary>Remembers which task an attempt scheduled, so that a stop can name it when it records the task's callback.</summary>
    public void NoteTaskScheduled(string attemptKey, HistoryEvent scheduled)
    {
        if (scheduled.TaskScheduledEventDetails is { } task)
        {
            scheduledTasks[attemptKey] = new TaskResourceName(task.ResourceType ?? string.Empty, task.Resource ?? string.Empty);
        }
    }

    public TaskResourceName? ScheduledTask(string attemptKey) => scheduledTasks.TryGetValue(attemptKey, out var name) ? name : null;

    private HistoryEvent Append(Frame frame, HistoryEvent historyEvent)
    {
        var sequence = frame.Sequence++;
        if (replay is not null && replay.TryRemove((frame.Key, sequence), out var recorded))
        {
            frame.LastEventId = recorded.Id;
            return recorded;
        }

        // The last id is kept for the event that ends the execution.
        if (Interlocked.Read(ref lastEventId) >= HistoryLimitReachedException.MaxEvents - 1 && !EndsExecution(historyEvent.Type))
        {
            throw new HistoryLimitReachedException();
        }

        historyEvent.Id = Interlocked.Increment(ref lastEventId);
        historyEvent.PreviousEventId = frame.LastEventId;
        historyEvent.Timestamp = Now.UtcDateTime;
        Services.History.Append(Arn, frame.Key, sequence, historyEvent);
        frame.LastEventId = historyEvent.Id;
        return historyEvent;
    }

    private static bool EndsExecution(string? type) =>
        type is HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionAborted or HistoryEventType.ExecutionTimedOut;

    /// <summary>The event recorded before a restart at this frame's next position, if any (nothing is consumed).</summary>
    public HistoryEvent? Recorded(Frame frame) =>
        replay is not null && replay.TryGetValue((frame.Key, frame.Sequence), out var recorded) ? recorded : null;
}

/// <summary>Names of an execution and its state machine, as the context object and the API show them.</summary>
internal sealed record ExecutionIdentity(
    string ExecutionArn,
    string Name,
    string StateMachineArn,
    string StateMachineName,
    string? RoleArn,
    DateTimeOffset StartTime,
    string InputText,
    int RedriveCount = 0,
    DateTimeOffset? RedriveTime = null);

/// <summary>An event as stored, with its position in its frame.</summary>
internal sealed record RecordedEvent(string Frame, int Sequence, HistoryEvent Event);

/// <summary>The callback tokens one run was given (Parallel branches may add concurrently).</summary>
internal sealed class IssuedTokens : IEnumerable<string>
{
    private readonly List<string> tokens = [];

    public void Add(string token)
    {
        lock (tokens)
        {
            tokens.Add(token);
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        lock (tokens)
        {
            return tokens.ToList().GetEnumerator();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
