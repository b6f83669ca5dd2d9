using Bunit;
using ReviewerPortal.Components.Worklist;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.Worklist;

/// <summary>The SLA chip: the words say how it stands, the colour repeats it (bunit).</summary>
public class SlaBadgeTests : MudComponentTest
{
    private AngleSharp.Dom.IElement Render(SlaClock clock) => Render<SlaBadge>(p => p.Add(b => b.Clock, clock)).Find(".mud-chip");

    [Fact]
    public void An_overdue_task_says_by_how_much_in_words_on_a_filled_error_chip()
    {
        var chip = Render(new SlaClock(TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(-15), SlaState.Overdue));

        chip.TextContent.Trim().Should().Be("Overdue by 15 min");
        chip.ClassList.Should().Contain(["mud-chip-color-error", "mud-chip-filled"]);
        chip.GetAttribute("title").Should().Be("Past its review deadline");
    }

    [Fact]
    public void A_task_near_its_deadline_shows_the_time_left_on_a_filled_warning_chip()
    {
        var chip = Render(new SlaClock(TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(10), SlaState.DueSoon));

        chip.TextContent.Trim().Should().Be("10 min left");
        chip.ClassList.Should().Contain(["mud-chip-color-warning", "mud-chip-filled"]);
    }

    [Fact]
    public void A_task_on_track_shows_the_time_left_on_an_outlined_success_chip()
    {
        var chip = Render(new SlaClock(TimeSpan.FromMinutes(1), TimeSpan.FromHours(23), SlaState.OnTrack));

        chip.TextContent.Trim().Should().Be("23 h left");
        chip.ClassList.Should().Contain(["mud-chip-color-success", "mud-chip-outlined"]);
    }
}
