using ReviewerPortal.Engine.Execution;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>Stopping executions, waiting for their end, and resuming parked ones.</summary>
internal sealed partial class ExecutionEngine
{
    public async Task<ExecutionRecord> StopAsync(ExecutionRecord record, string? error, string? cause)
    {
        if (!record.IsRunning)
        {
            return record;
        }

        ActiveExecution? execution;
        string? token = null;
        var stopped = false;
        lock (membership)
        {
            // Ended under the lock: an execution about to park sees the stop and does not park.
            if (active.TryGetValue(record.Arn, out execution))
            {
                stopped = execution.TryEnd(() => RecordStop(execution, error, cause));
            }
            else
            {
                parked.TryRemove(record.Arn, out token);
            }
        }

        if (stopped && execution is not null)
        {
            await execution.Run.Stopping.CancelAsync();
            return await FinishAsync(execution.Run.Arn, execution.Run.Tokens, record with { Status = "ABORTED", Error = error, Cause = cause });
        }

        if (token is not null)
        {
            return await StopParkedAsync(record, token, error, cause);
        }

        // It ended on its own meanwhile (the end is being saved): answer its final record.
        return execution is not null
            ? await WaitForEndAsync(record.Arn, CancellationToken.None) ?? record
            : await Store.GetExecutionAsync(record.Arn) ?? record;
    }

    /// <summary>
    /// The last events of a running execution that is stopped: first every callback the API acknowledged and the run
    /// has not recorded yet (its strand may have the outcome in hand, or not even have replayed up to it), then the abort.
    /// </summary>
    private void RecordStop(ActiveExecution execution, string? error, string? cause)
    {
        var run = execution.Run;

        // A frame of its own, past any position the run's strands use: during a replay the top frame's next positions
        // are still recorded events, and emitting there would return those instead of appending the stop's events.
        var closing = new Frame(string.Empty, execution.Top.LastEventId) { Sequence = int.MaxValue - 1024 };
        foreach (var token in run.Tokens)
        {
            if (Tokens.CloseAcknowledged(token, out var attemptKey) is { } acknowledged && run.ScheduledTask(attemptKey) is { } task)
            {
                run.Emit(closing, acknowledged.Result == CallbackResult.Succeeded
                    ? Events.TaskSucceeded(task, acknowledged.Output ?? "null")
                    : Events.TaskFailed(task, acknowledged.Error, acknowledged.Cause));
            }
        }

        run.Emit(closing, Events.ExecutionAborted(error, cause));
    }

    private async Task<ExecutionRecord> StopParkedAsync(ExecutionRecord record, string token, string? error, string? cause)
    {
        // A parked execution has no frames to cancel: record its end after its last event. A callback the API
        // acknowledged just before (the resume it triggered lost the race) is recorded first: what the API
        // answered 200 for is in the history.
        var history = await Store.ReadHistoryAsync(record.Arn);
        var last = history.Count > 0 ? history.Max(e => e.Event.Id) : 0;
        if (Tokens.CloseAcknowledged(token) is { } acknowledged
            && history.LastOrDefault(e => e.Event.Type == HistoryEventType.TaskScheduled)?.Event.TaskScheduledEventDetails is { } task)
        {
            var resource = new TaskResourceName(task.ResourceType ?? string.Empty, task.Resource ?? string.Empty);
            last = AppendAfter(record.Arn, last, int.MaxValue - 1, acknowledged.Result == CallbackResult.Succeeded
                ? Events.TaskSucceeded(resource, acknowledged.Output ?? "null")
                : Events.TaskFailed(resource, acknowledged.Error, acknowledged.Cause));
        }

        AppendAfter(record.Arn, last, int.MaxValue, Events.ExecutionAborted(error, cause));
        return await FinishAsync(record.Arn, [token], record with { Status = "ABORTED", Error = error, Cause = cause });
    }

    /// <summary>Appends an event of a parked execution after event <paramref name="last"/>; returns its id.</summary>
    private long AppendAfter(string executionArn, long last, int sequence, HistoryEvent historyEvent)
    {
        historyEvent.Id = last + 1;
        historyEvent.PreviousEventId = last;
        historyEvent.Timestamp = Time.GetUtcNow().UtcDateTime;
        Store.Append(executionArn, string.Empty, sequence, historyEvent);
        return historyEvent.Id;
    }

    /// <summary>Waits until the execution ends and returns its final record.</summary>
    public async Task<ExecutionRecord?> WaitForEndAsync(string executionArn, CancellationToken cancellation)
    {
        // Register first, then look: FinishAsync leaves `active` before it completes the waiters.
        var waiter = endWaiters.GetOrAdd(executionArn, _ => new TaskCompletionSource<ExecutionRecord?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!active.ContainsKey(executionArn))
        {
            var record = await Store.GetExecutionAsync(executionArn);
            if (record is not { IsRunning: true })
            {
                return record;
            }
        }

        return await waiter.Task.WaitAsync(cancellation);
    }

    /// <summary>Resumes a parked execution by replaying its history (its callback arrived or a deadline passed).</summary>
    private async Task ResumeAsync(string executionArn)
    {
        if (!parked.ContainsKey(executionArn) || shutdown.IsCancellationRequested)
        {
            return;
        }

        // Read while still parked (nothing else writes a parked execution's history: a stop first takes it off the
        // parked list), then move it to `active` in one step: a stop finds it in one of the two, never in neither.
        var record = await Store.GetExecutionAsync(executionArn);
        var history = record is { IsRunning: true } ? await Store.ReadHistoryAsync(executionArn) : null;
        lock (membership)
        {
            if (parked.TryRemove(executionArn, out var token) && record is not null && history is not null)
            {
                Launch(record, definitions.Get(record.Definition), Payloads.Parse(record.Input), history, [token]);
            }
        }
    }
}
