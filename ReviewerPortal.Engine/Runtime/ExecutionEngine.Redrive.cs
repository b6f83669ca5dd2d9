using ReviewerPortal.Engine.Execution;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// RedriveExecution: restarts an unsuccessful execution under its own ARN from the state that did not succeed
/// (<see cref="RedriveReplay"/> decides what replays).
/// </summary>
/// <remarks>
/// A Distributed Map state cut this way is entered again by the redriven parent and redrives its own Map Run
/// (<see cref="MapRuns.MapRunRedrive"/>): only the unsuccessful and never-started children run again, and a Standard
/// child among them is redriven through <see cref="RedriveChildAsync"/>.
/// </remarks>
internal sealed partial class ExecutionEngine
{
    private const int ClientTokensKept = 10;
    private readonly SemaphoreSlim redriving = new(1, 1);

    public Task<ExecutionRecord> RedriveAsync(string executionArn, string? clientToken) => RedriveAsync(executionArn, clientToken, childMachine: null);

    /// <summary>Redrives a Standard child of a Map Run, whose state machine is the Map Run's rather than one in the store.</summary>
    public Task<ExecutionRecord> RedriveChildAsync(string executionArn, StateMachineRecord childMachine) => RedriveAsync(executionArn, null, childMachine);

    private async Task<ExecutionRecord> RedriveAsync(string executionArn, string? clientToken, StateMachineRecord? childMachine)
    {
        // One redrive at a time: two callers must not both turn the same ended execution back to RUNNING.
        await redriving.WaitAsync(shutdown.Token);
        try
        {
            var record = await Store.GetExecutionAsync(executionArn)
                ?? throw new ExecutionDoesNotExistException($"Execution Does Not Exist: '{executionArn}'");
            if (clientToken is not null && record.RedriveClientTokens.Contains(clientToken))
            {
                // The API "returns idempotent responses for the last 10 client tokens used to successfully redrive".
                return record;
            }

            var history = await Store.ReadHistoryAsync(executionArn);
            var machine = childMachine ?? await Store.GetStateMachineAsync(record.StateMachineArn);
            var now = Time.GetUtcNow().UtcDateTime;
            if (RedriveEligibility.Reason(record, machine, now, history.Count) is { } reason)
            {
                throw new ExecutionNotRedrivableException(reason.TrimEnd('.'));
            }

            var redriven = record with
            {
                Status = "RUNNING", StopDate = null, Output = null, Error = null, Cause = null,
                RedriveCount = record.RedriveCount + 1,
                RedriveDate = now,
                RedriveClientTokens = clientToken is null ? record.RedriveClientTokens : [.. record.RedriveClientTokens.TakeLast(ClientTokensKept - 1), clientToken],
            };

            // The event first, then the record: a crash between the two leaves an ended execution whose next redrive
            // cuts the history once more (harmless), never a RUNNING one that would replay its old end.
            var last = history.Count > 0 ? history.Max(e => e.Event.Id) : 0;
            var redrivenEvent = RedrivenEvent(redriven.RedriveCount);
            redrivenEvent.Id = last + 1;
            redrivenEvent.PreviousEventId = last;
            redrivenEvent.Timestamp = now;
            Store.Append(executionArn, RedriveReplay.Frame, redriven.RedriveCount, redrivenEvent);
            await Store.FlushAsync();
            await Store.SaveExecutionAsync(redriven);
            await Store.FlushAsync();
            Launch(redriven, definitions.Get(redriven.Definition), Payloads.Parse(redriven.Input), await Store.ReadHistoryAsync(executionArn));
            return redriven;
        }
        finally
        {
            redriving.Release();
        }
    }

    /// <summary>Why the execution cannot be redriven now (DescribeExecution's redriveStatusReason), or null.</summary>
    public async Task<string?> RedriveBlockedAsync(ExecutionRecord record, StateMachineRecord? childMachine = null)
    {
        // Only an execution that ended on States.Runtime can have run out of history: read the others' histories not.
        var events = record.Error == StatesErrors.Runtime ? (await Store.ReadHistoryAsync(record.Arn)).Count : 0;
        return RedriveEligibility.Reason(record, childMachine ?? await Store.GetStateMachineAsync(record.StateMachineArn), Time.GetUtcNow().UtcDateTime, events);
    }

    private static HistoryEvent RedrivenEvent(int redriveCount) => new()
    {
        Type = HistoryEventType.ExecutionRedriven,
        ExecutionRedrivenEventDetails = new ExecutionRedrivenEventDetails { RedriveCount = redriveCount },
    };
}
