using ReviewerPortal.Components.Worklist;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.Worklist;

public class QueueRowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static ReviewTask Task(int ageMinutes, int slaMinutes) => new()
    {
        Id = "demo-rp-1001",
        TaskToken = "token",
        ExecutionArn = "arn",
        CaseId = "RP-1001",
        StudyDescription = "CT head without contrast — suspected acute stroke",
        Modality = "CT",
        Urgency = Urgency.Urgent,
        Queue = QueueName.Urgent,
        DraftLocation = "s3://b/k",
        CreatedAt = Now.AddMinutes(-ageMinutes),
        DueAt = Now.AddMinutes(slaMinutes - ageMinutes),
    };

    private static Task<string> Render(ReviewTask task) =>
        ComponentMarkup.RenderAsync<QueueRow>(new Dictionary<string, object?>
        {
            [nameof(QueueRow.Task)] = task,
            [nameof(QueueRow.Now)] = Now,
        });

    [Fact]
    public async Task A_row_shows_case_study_modality_waiting_time_and_time_left_and_links_to_the_review()
    {
        var html = System.Net.WebUtility.HtmlDecode(await Render(Task(ageMinutes: 12, slaMinutes: 60)));

        html.Should().Contain("href=\"review/demo-rp-1001\"").And.Contain(">RP-1001</a>")
            .And.Contain("CT head without contrast — suspected acute stroke")
            .And.Contain("<span class=\"modality\">CT</span>")
            .And.Contain("12 min")
            .And.Contain("48 min left")
            .And.NotContain("is-overdue");
    }

    [Fact]
    public async Task An_overdue_row_is_marked_as_a_whole()
    {
        var html = await Render(Task(ageMinutes: 75, slaMinutes: 60));

        html.Should().Contain("queue-row is-overdue").And.Contain("Overdue by 15 min");
    }

    [Fact]
    public async Task A_live_claim_names_the_reviewer_and_a_lapsed_one_does_not()
    {
        var live = Task(10, 60) with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("a", "Dr Alice Moreau", Now.AddMinutes(5)) };
        var lapsed = live with { Claim = new ClaimLease("a", "Dr Alice Moreau", Now.AddMinutes(-1)) };

        (await Render(live)).Should().Contain("In review: Dr Alice Moreau");
        (await Render(lapsed)).Should().NotContain("Dr Alice Moreau");
    }

    [Fact]
    public async Task Markup_in_task_fields_is_escaped()
    {
        var html = await Render(Task(1, 60) with { StudyDescription = "<b onmouseover=alert(1)>CT</b>" });

        html.Should().Contain("&lt;b onmouseover=alert(1)&gt;").And.NotContain("<b ");
    }
}
