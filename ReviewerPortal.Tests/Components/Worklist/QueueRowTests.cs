using Bunit;
using ReviewerPortal.Components.Worklist;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using static ReviewerPortal.Tests.Components.Worklist.TestTasks;

namespace ReviewerPortal.Tests.Components.Worklist;

/// <summary>A queue row as a clinician reads it, rendered inside its table (bunit).</summary>
public class QueueRowTests : MudComponentTest
{
    private IRenderedComponent<QueueTable> Render(params ReviewTask[] tasks) => Render<QueueTable>(p => p
        .Add(t => t.Label, "Urgent queue")
        .Add(t => t.Tasks, tasks)
        .Add(t => t.Now, Now));

    [Fact]
    public void A_row_shows_case_study_modality_waiting_time_and_time_left_and_links_to_the_review()
    {
        var row = Render(Urgent(ageMinutes: 12, slaMinutes: 60)).Find("tbody tr");

        row.QuerySelector("a")!.GetAttribute("href").Should().Be("review/demo-rp-1001");
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Should().Equal(
            "RP-1001", "CT head without contrast — suspected acute stroke", "CT", "12 min", "48 min left", "");
        row.ClassList.Should().NotContain("is-overdue");
    }

    [Fact]
    public void Each_cell_carries_its_column_name_for_the_stacked_phone_layout()
    {
        var cells = Render(Urgent(12, 60)).FindAll("tbody td");

        cells.Select(td => td.GetAttribute("data-label")).Should().Equal("Case", "Study", "Modality", "Waiting", "Deadline", "Status");
    }

    [Fact]
    public void An_overdue_row_is_marked_as_a_whole()
    {
        var row = Render(Urgent(ageMinutes: 75, slaMinutes: 60)).Find("tbody tr");

        row.ClassList.Should().Contain("is-overdue");
        row.TextContent.Should().Contain("Overdue by 15 min");
    }

    [Fact]
    public void A_live_claim_names_the_reviewer_and_a_lapsed_one_does_not()
    {
        var live = Urgent(10, 60) with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("a", "Dr Alice Moreau", Now.AddMinutes(5)) };
        var lapsed = live with { Claim = new ClaimLease("a", "Dr Alice Moreau", Now.AddMinutes(-1)) };

        Render(live).Find("tbody tr").TextContent.Should().Contain("In review: Dr Alice Moreau");
        Render(lapsed).Find("tbody tr").TextContent.Should().NotContain("Dr Alice Moreau");
    }

    [Fact]
    public void Markup_in_task_fields_is_shown_as_text()
    {
        var row = Render(Urgent(1, 60) with { StudyDescription = "<b onmouseover=alert(1)>CT</b>" }).Find("tbody tr");

        row.QuerySelector("b").Should().BeNull();
        row.TextContent.Should().Contain("<b onmouseover=alert(1)>CT</b>");
    }

    [Fact]
    public void An_empty_queue_says_so_and_the_pager_offers_neither_direction()
    {
        var table = Render();

        table.Markup.Should().Contain("No tasks are waiting in this queue.");
        table.FindAll("nav button").Select(b => (b.TextContent.Trim(), b.HasAttribute("disabled"))).Should().Equal(
            ("Previous page", true), ("Next page", true));
    }
}
