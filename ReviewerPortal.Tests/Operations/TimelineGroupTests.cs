using ReviewerPortal.Operations;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Operations;

public class TimelineGroupTests
{
    private static readonly DateTime At = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private static long _id;

    private static HistoryEvent Entered(string state) => new() { Id = ++_id, Timestamp = At, Type = HistoryEventType.TaskStateEntered, StateEnteredEventDetails = new() { Name = state } };

    private static HistoryEvent Exited(string state) => new() { Id = ++_id, Timestamp = At, Type = HistoryEventType.TaskStateExited, StateExitedEventDetails = new() { Name = state } };

    private static HistoryEvent Plain(string type) => new() { Id = ++_id, Timestamp = At, Type = type };

    [Fact]
    public void A_states_task_events_stay_in_its_group_and_the_executions_own_events_stand_apart()
    {
        var entries = TimelineEntry.From(
        [
            Plain(HistoryEventType.ExecutionStarted),
            Entered("UrgentReview"), Plain(HistoryEventType.TaskScheduled), Plain(HistoryEventType.TaskStarted), Plain(HistoryEventType.TaskSubmitted), Exited("UrgentReview"),
            Entered("PublishReport"), Plain(HistoryEventType.TaskStarted), Exited("PublishReport"),
            Plain(HistoryEventType.ExecutionSucceeded),
        ]);

        TimelineGroup.From(entries).Select(g => (g.StateName, g.Entries.Count)).Should().Equal(
            (null, 1), ("UrgentReview", 5), ("PublishReport", 3), (null, 1));
    }

    [Fact]
    public void A_state_visited_twice_makes_two_groups_in_order()
    {
        var entries = TimelineEntry.From([Entered("Regenerate"), Exited("Regenerate"), Entered("Review"), Exited("Review"), Entered("Regenerate"), Exited("Regenerate")]);

        TimelineGroup.From(entries).Select(g => g.StateName).Should().Equal("Regenerate", "Review", "Regenerate");
    }

    [Fact]
    public void A_group_takes_the_colour_of_its_worst_event()
    {
        var waiting = TimelineEntry.From([Entered("Gate"), Plain(HistoryEventType.TaskSubmitted)]);
        var failed = TimelineEntry.From([Entered("Gate"), Plain(HistoryEventType.TaskSubmitted), Plain(HistoryEventType.TaskFailed)]);

        TimelineGroup.From(waiting).Single().Outcome.Should().Be(TimelineKind.TaskSubmitted);
        TimelineGroup.From(failed).Single().Outcome.Should().Be(TimelineKind.TaskFailed);
    }
}
