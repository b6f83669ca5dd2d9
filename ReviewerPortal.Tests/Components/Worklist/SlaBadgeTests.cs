using ReviewerPortal.Components.Worklist;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.Worklist;

public class SlaBadgeTests
{
    private static Task<string> Render(SlaClock clock) =>
        ComponentMarkup.RenderAsync<SlaBadge>(new Dictionary<string, object?> { [nameof(SlaBadge.Clock)] = clock });

    [Fact]
    public async Task An_overdue_task_says_by_how_much_in_words_and_is_marked_overdue()
    {
        var html = await Render(new SlaClock(TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(-15), SlaState.Overdue));

        html.Should().Contain("sla-overdue").And.Contain("Overdue by 15 min");
    }

    [Fact]
    public async Task A_task_near_its_deadline_shows_the_time_left_as_due_soon()
    {
        var html = await Render(new SlaClock(TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(10), SlaState.DueSoon));

        html.Should().Contain("sla-due-soon").And.Contain("10 min left");
    }

    [Fact]
    public async Task A_task_on_track_shows_the_time_left()
    {
        var html = await Render(new SlaClock(TimeSpan.FromMinutes(1), TimeSpan.FromHours(23), SlaState.OnTrack));

        html.Should().Contain("sla-on-track").And.Contain("23 h left").And.NotContain("Overdue");
    }
}
