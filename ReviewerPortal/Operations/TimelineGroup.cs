namespace ReviewerPortal.Operations;

/// <summary>
/// The events of one visit to a state, for the Operations page's timeline: consecutive events with the same state
/// name form a group; the execution's own events (start, end) form groups without a state.
/// </summary>
public sealed record TimelineGroup(string? StateName, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>The group's worst outcome decides its colour: a failure, else a wait for a callback, else success.</summary>
    public TimelineKind Outcome => Entries.Select(e => e.Kind).Aggregate(TimelineKind.StateEntered, Worse);

    public static IReadOnlyList<TimelineGroup> From(IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var groups = new List<TimelineGroup>();
        var current = new List<TimelineEntry>();
        foreach (var entry in entries)
        {
            if (current.Count > 0 && StateOf(current[0]) != StateOf(entry))
            {
                groups.Add(new TimelineGroup(StateOf(current[0]), current));
                current = [];
            }

            current.Add(entry);
        }

        if (current.Count > 0)
        {
            groups.Add(new TimelineGroup(StateOf(current[0]), current));
        }

        return groups;
    }

    // The execution's own events (ExecutionStarted, ExecutionSucceeded, …) belong to no state, whatever state ran last.
    private static string? StateOf(TimelineEntry entry) =>
        entry.Type.StartsWith("Execution", StringComparison.Ordinal) ? null : entry.StateName;

    private static TimelineKind Worse(TimelineKind a, TimelineKind b) => Rank(b) > Rank(a) ? b : a;

    private static int Rank(TimelineKind kind) => kind switch
    {
        TimelineKind.TaskFailed or TimelineKind.TaskTimedOut => 3,
        TimelineKind.TaskSubmitted => 2,
        TimelineKind.TaskSucceeded => 1,
        _ => 0,
    };
}
