using ReviewerPortal.Review;

namespace ReviewerPortal.Escalations;

/// <summary>
/// What a supervisor watches at one moment: the escalation queue, overdue work in the clinical queues, and the live
/// claims other reviewers hold on those tasks.
/// </summary>
/// <param name="MoreEscalated">The escalation queue holds more than <see cref="EscalationBoard.TasksPerQueue"/> tasks.</param>
/// <param name="MoreOverdue">A clinical queue is overdue beyond the tasks read: the overdue lists are not complete.</param>
public sealed record EscalationView(
    DateTimeOffset Now,
    IReadOnlyList<ReviewTask> Escalated,
    bool MoreEscalated,
    IReadOnlyList<ReviewTask> OverdueUrgent,
    IReadOnlyList<ReviewTask> OverdueRoutine,
    bool MoreOverdue,
    IReadOnlyList<ReviewTask> HeldByOthers)
{
    public int OverdueCount => Escalated.Count(t => t.IsOverdue(Now)) + OverdueUrgent.Count + OverdueRoutine.Count;
}

/// <summary>
/// Reads the supervisors' view from the task store: three bounded queue reads, never a scan. Queues are sorted by due
/// time, so the overdue tasks of a queue are at its front and the first <see cref="TasksPerQueue"/> hold all of them
/// unless more than that are overdue (which the view then says).
/// </summary>
public sealed class EscalationBoard(IReviewTaskStore tasks, ReviewTaskChanges changes, TimeProvider time)
{
    public const int TasksPerQueue = 100;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<EscalationView> ReadAsync(string supervisorId, CancellationToken cancellationToken = default)
    {
        var escalation = tasks.ListOpenAsync(QueueName.Escalation, TasksPerQueue, null, cancellationToken);
        var urgent = tasks.ListOpenAsync(QueueName.Urgent, TasksPerQueue, null, cancellationToken);
        var routine = tasks.ListOpenAsync(QueueName.Routine, TasksPerQueue, null, cancellationToken);
        await Task.WhenAll(escalation, urgent, routine).ConfigureAwait(false);

        var now = time.GetUtcNow();
        var (escalated, urgentPage, routinePage) = (escalation.Result, urgent.Result, routine.Result);
        var held = escalated.Items.Concat(urgentPage.Items).Concat(routinePage.Items)
            .Where(t => t.IsClaimedByOtherThan(supervisorId, now))
            .OrderBy(t => t.DueAt)
            .ToList();
        return new EscalationView(
            now,
            escalated.Items,
            escalated.ContinuationToken is not null,
            Overdue(urgentPage, now),
            Overdue(routinePage, now),
            AllOverdueWithMore(urgentPage, now) || AllOverdueWithMore(routinePage, now),
            held);
    }

    /// <summary>Called after every committed change to a task; dispose the result to stop.</summary>
    public IDisposable Subscribe(Func<ReviewTaskChanged, Task> onChange) => changes.Subscribe(onChange);

    private static List<ReviewTask> Overdue(TaskPage page, DateTimeOffset now) => [.. page.Items.Where(t => t.IsOverdue(now))];

    private static bool AllOverdueWithMore(TaskPage page, DateTimeOffset now) =>
        page.ContinuationToken is not null && page.Items.All(t => t.IsOverdue(now));
}
