using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Review;

public enum GateOutcomeKind
{
    /// <summary>The gate is still waiting for a callback.</summary>
    Waiting,

    /// <summary>A SendTaskSuccess or a ClinicianRejected SendTaskFailure completed the gate.</summary>
    Decided,

    /// <summary>The gate timed out, failed otherwise, or the execution ended without deciding it.</summary>
    Closed,
}

/// <summary>
/// Reads an execution's history to learn what became of one review gate, identified by the task id the template puts
/// in the gate's input (<c>$.task.id</c>): the reconciler's way to tell "our decision already landed" from "timed out".
/// </summary>
public sealed class GateOutcome(IAmazonStepFunctions stepFunctions)
{
    public async Task<GateOutcomeKind> FindAsync(ReviewTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var events = new List<HistoryEvent>();
        string? next = null;
        do
        {
            var page = await stepFunctions.GetExecutionHistoryAsync(
                new GetExecutionHistoryRequest { ExecutionArn = task.ExecutionArn, IncludeExecutionData = true, MaxResults = 1000, NextToken = next },
                cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Events);
            next = page.NextToken;
        }
        while (next is not null);

        var entered = events.FindIndex(e => e.Type == HistoryEventType.TaskStateEntered && IsGateFor(e, task.Id));
        if (entered >= 0)
        {
            foreach (var e in events.Skip(entered + 1))
            {
                switch (e.Type)
                {
                    case HistoryEventType.TaskSucceeded:
                        return GateOutcomeKind.Decided;
                    case HistoryEventType.TaskFailed:
                        return e.TaskFailedEventDetails?.Error == DecisionPayload.RejectionError ? GateOutcomeKind.Decided : GateOutcomeKind.Closed;
                    case HistoryEventType.TaskTimedOut:
                    case HistoryEventType.TaskStateExited:
                        return GateOutcomeKind.Closed;
                }
            }
        }

        var ended = events.Any(e => e.Type is HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed
            or HistoryEventType.ExecutionAborted or HistoryEventType.ExecutionTimedOut);
        return ended ? GateOutcomeKind.Closed : GateOutcomeKind.Waiting;
    }

    private static bool IsGateFor(HistoryEvent e, string taskId)
    {
        var input = e.StateEnteredEventDetails?.Input;
        if (input is null || !input.Contains(taskId, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(input)?["task"]?["id"]?.GetValue<string>() == taskId;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
