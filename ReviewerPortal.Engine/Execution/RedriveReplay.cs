using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// What a redriven execution replays: everything that succeeded before, nothing of what did not. "Step Functions
/// preserves the results … of the successful steps, and doesn't rerun these steps"; for Parallel and inline Map it
/// "redrives only the iterations and branches that failed or aborted".
/// </summary>
/// <remarks>
/// The history keeps every event (a redrive never rewrites it); at each <c>ExecutionRedriven</c> event the events
/// seen so far are cut, frame by frame, at the state that was entered and never exited — the failed, aborted or
/// timed-out one — and the execution's end event is dropped. The redriven run then re-enters that state and its new
/// events take the cut positions. Applying the same cuts when the history is read again after a restart gives the
/// same replay, so a redriven execution resumes like any other.
/// </remarks>
internal static class RedriveReplay
{
    /// <summary>Where redrive events are recorded: not a frame of the interpreter (those are "" or contain '/').</summary>
    public const string Frame = "redrive";

    public static IReadOnlyList<RecordedEvent> Live(IReadOnlyList<RecordedEvent> history)
    {
        if (!history.Any(r => r.Event.Type == HistoryEventType.ExecutionRedriven))
        {
            return history;
        }

        var live = new Dictionary<(string Frame, int Sequence), RecordedEvent>();
        foreach (var recorded in history.OrderBy(r => r.Event.Id))
        {
            if (recorded.Event.Type == HistoryEventType.ExecutionRedriven)
            {
                CutAtUnfinishedStates(live);
            }
            else
            {
                live[(recorded.Frame, recorded.Sequence)] = recorded;
            }
        }

        return [.. live.Values.OrderBy(r => r.Event.Id)];
    }

    /// <summary>
    /// The key of one task attempt (its callback token, its child execution's default name): a redrive runs the state
    /// again at the same position, and must not be taken for the attempt that failed there.
    /// </summary>
    public static string AttemptKey(ExecutionRun run, Frame frame) =>
        run.Identity.RedriveCount == 0
            ? $"{frame.Key}#{frame.Sequence}"
            : $"{frame.Key}#{frame.Sequence}@redrive{run.Identity.RedriveCount}";

    private static void CutAtUnfinishedStates(Dictionary<(string Frame, int Sequence), RecordedEvent> live)
    {
        foreach (var frame in live.Values.GroupBy(r => r.Frame).ToList())
        {
            int? unfinished = null;
            foreach (var recorded in frame.OrderBy(r => r.Sequence))
            {
                var type = recorded.Event.Type ?? string.Empty;
                if (type.EndsWith("StateEntered", StringComparison.Ordinal))
                {
                    unfinished = recorded.Sequence;
                }
                else if (type.EndsWith("StateExited", StringComparison.Ordinal))
                {
                    unfinished = null;
                }
            }

            foreach (var recorded in frame.Where(r => r.Sequence >= unfinished || EndsExecution(r.Event.Type)))
            {
                live.Remove((recorded.Frame, recorded.Sequence));
            }
        }
    }

    private static bool EndsExecution(string? type) =>
        type is HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionAborted or HistoryEventType.ExecutionTimedOut;
}
