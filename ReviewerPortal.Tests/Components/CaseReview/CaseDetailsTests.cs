using Bunit;
using ReviewerPortal.Components.CaseReview;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Escalations;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>The case's facts as a clinician reads them: when it really arrived, and whether it still waits (issue 10).</summary>
public class CaseDetailsTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReviewTask Open = EscalationTasks.Open("case-1", QueueName.Urgent, Now.AddMinutes(-10), Now.AddMinutes(50));

    private string Markup(ReviewTask task) =>
        Render<CaseDetails>(p => p.Add(c => c.Task, task).Add(c => c.Now, Now)).Markup;

    [Fact]
    public void A_revision_shows_when_the_case_first_arrived_beside_when_this_attempt_did()
    {
        var third = Open with { Attempt = 3, FirstArrivedAt = Now.AddHours(-2) };

        var html = Markup(third);

        html.Should().Contain("Case arrived").And.Contain("07:00 UTC (2 h ago)")
            .And.Contain("This attempt").And.Contain("08:50 UTC (10 min ago)").And.NotContain("Received");
    }

    [Fact]
    public void A_first_attempt_shows_one_arrival_time()
    {
        var html = Markup(Open with { FirstArrivedAt = Now.AddMinutes(-10) });

        html.Should().Contain("Received").And.Contain("08:50 UTC (10 min ago)").And.NotContain("Case arrived");
    }

    [Fact]
    public void A_waiting_case_counts_down_to_its_deadline_and_a_decided_one_does_not()
    {
        Markup(Open).Should().Contain("50 min left");

        var decided = Open with { Status = ReviewStatus.Decided };

        Markup(decided).Should().Contain("09:50 UTC").And.NotContain("left");
    }
}
