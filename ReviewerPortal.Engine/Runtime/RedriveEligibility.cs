using ReviewerPortal.Engine.Execution;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// AWS's redrive rules: only an unsuccessful (failed, aborted, timed-out) Standard execution, within 14 days of its
/// end, less than a year after it started, and with room left in its history. The reasons are the
/// <c>redriveStatusReason</c> texts DescribeExecution documents, and the ExecutionNotRedrivable error's message.
/// </summary>
internal static class RedriveEligibility
{
    public static readonly TimeSpan RedrivablePeriod = TimeSpan.FromDays(14);

    public static readonly TimeSpan MaxOpenTime = TimeSpan.FromDays(365);

    /// <summary>Why the execution cannot be redriven now, or null when it can.</summary>
    public static string? Reason(ExecutionRecord execution, StateMachineRecord? machine, DateTime now, int historyEvents)
    {
        if (machine is null)
        {
            // A deleted state machine: AWS keeps it in DELETING until its executions are gone.
            return "State machine is in DELETING status.";
        }

        if (machine.Type == "EXPRESS")
        {
            // "This API action is not supported by EXPRESS state machines" (no documented reason text: ours).
            return "Execution of an EXPRESS state machine cannot be redriven.";
        }

        return execution.Status switch
        {
            "RUNNING" => "Execution is RUNNING and cannot be redriven.",
            "SUCCEEDED" => "Execution is SUCCEEDED and cannot be redriven.",
            _ when historyEvents >= HistoryLimitReachedException.MaxEvents - 1 => "Execution history event limit exceeded.",
            _ when now - execution.StartDate >= MaxOpenTime => "Execution has exceeded the max execution time.",
            _ when execution.StopDate is { } stopped && now - stopped > RedrivablePeriod => "Execution redrivable period exceeded.",
            _ => null,
        };
    }
}
