namespace ReviewerPortal.Review;

public enum SlaState
{
    OnTrack,

    /// <summary>At most a fifth of the task's time to the deadline is left.</summary>
    DueSoon,
    Overdue,
}

/// <summary>Where an open task stands against its deadline at one moment: time waited, time left and its state.</summary>
public sealed record SlaClock(TimeSpan Age, TimeSpan Remaining, SlaState State)
{
    public static SlaClock For(ReviewTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        var remaining = task.DueAt - now;
        var allowed = task.DueAt - task.CreatedAt;
        var state = remaining < TimeSpan.Zero ? SlaState.Overdue
            : remaining.Ticks * 5 <= allowed.Ticks ? SlaState.DueSoon
            : SlaState.OnTrack;
        return new SlaClock(now - task.CreatedAt, remaining, state);
    }
}
