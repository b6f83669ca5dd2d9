using ReviewerPortal.Workflow.Asl.Execution;
using ReviewerPortal.Workflow.StepFunctions.Model;

namespace ReviewerPortal.Workflow.Asl.Runtime;

/// <summary>Stopping executions, waiting for their end, and resuming parked ones.</summary>
internal sealed partial class ExecutionEngine
{
    public async Task<ExecutionRecord> StopAsync(ExecutionRecord record, string? error, string? cause)
    {
        if (!record.IsRunning)
        {
            return record;
        }

        if (active.TryGetValue(record.Arn, out var execution) && execution.TryEnd())
        {
            execution.Run.Emit(execution.Top, Events.ExecutionAborted(error, cause));
            await execution.Run.Stopping.CancelAsync();
            return await FinishAsync(execution.Run.Arn, execution.Run.Tokens, record with { Status = "ABORTED", Error = error, Cause = cause });
        }

        if (parked.TryRemove(record.Arn, out var token))
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

        return await Store.GetExecutionAsync(record.Arn) ?? record;
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
        if (!parked.TryRemove(executionArn, out _) || shutdown.IsCancellationRequested)
        {
            return;
        }

        var record = await Store.GetExecutionAsync(executionArn);
        if (record is { IsRunning: true })
        {
            var history = await Store.ReadHistoryAsync(executionArn);
            Launch(record, definitions.Get(record.Definition), Payloads.Parse(record.Input), history);
        }
    }
}
