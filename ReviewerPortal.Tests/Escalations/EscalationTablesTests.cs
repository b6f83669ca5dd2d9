using Bunit;
using ReviewerPortal.Escalations;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using static ReviewerPortal.Tests.Components.Worklist.TestTasks;

namespace ReviewerPortal.Tests.Escalations;

/// <summary>The Escalations page's tables: claims held by others with the supervisor's overrides, and the overdue count (bunit).</summary>
public class EscalationTablesTests : MudComponentTest
{
    private static readonly ReviewTask Held = Urgent(20, 60, "RP-HELD") with
    {
        Status = ReviewStatus.Claimed,
        Claim = new ClaimLease("persona-clinician", "Dr. Dana Reyes", Now.AddMinutes(15)),
    };

    private IRenderedComponent<HeldClaims> RenderHeld(Action<ReviewTask>? onRelease = null, Action<ReviewTask>? onTakeOver = null, bool busy = false) =>
        Render<HeldClaims>(p => p
            .Add(h => h.Tasks, [Held])
            .Add(h => h.Now, Now)
            .Add(h => h.Busy, busy)
            .Add(h => h.OnRelease, t => onRelease?.Invoke(t))
            .Add(h => h.OnTakeOver, t => onTakeOver?.Invoke(t)));

    [Fact]
    public void A_held_claim_shows_who_holds_it_until_when_and_how_much_time_is_left()
    {
        AddAuthorization().SetAuthorized("Dr. Sam Okafor").SetPolicies(PortalPolicies.OverrideClaims);

        var cells = RenderHeld().FindAll("tbody td").Select(td => td.TextContent.Trim()).ToList();

        cells.Take(5).Should().Equal("RP-HELD", "Urgent", "Dr. Dana Reyes", "09:15 UTC (15 min left)", "40 min left");
    }

    [Fact]
    public void A_supervisor_releases_or_takes_over_the_claim_of_the_row_they_click()
    {
        AddAuthorization().SetAuthorized("Dr. Sam Okafor").SetPolicies(PortalPolicies.OverrideClaims);
        ReviewTask? released = null, takenOver = null;
        var table = RenderHeld(t => released = t, t => takenOver = t);

        table.Find("button[aria-label='Release claim on RP-HELD']").Click();
        table.Find("button[aria-label='Take over RP-HELD']").Click();

        released.Should().BeSameAs(Held);
        takenOver.Should().BeSameAs(Held);
    }

    [Fact]
    public void The_override_buttons_are_disabled_while_an_override_runs()
    {
        AddAuthorization().SetAuthorized("Dr. Sam Okafor").SetPolicies(PortalPolicies.OverrideClaims);

        RenderHeld(busy: true).FindAll(".override-actions button").Should().HaveCount(2).And.OnlyContain(b => b.HasAttribute("disabled"));
    }

    [Fact]
    public void Without_the_override_policy_the_table_offers_no_override()
    {
        AddAuthorization().SetAuthorized("Dr. Dana Reyes");

        RenderHeld().FindAll(".override-actions button").Should().BeEmpty();
    }

    [Fact]
    public void Nobody_holding_a_claim_is_said_in_words()
    {
        AddAuthorization().SetAuthorized("Dr. Sam Okafor").SetPolicies(PortalPolicies.OverrideClaims);

        Render<HeldClaims>(p => p.Add(h => h.Tasks, []).Add(h => h.Now, Now)).Markup.Should().Contain("Nobody else holds a claim on these tasks.");
    }

    [Theory]
    [InlineData(0, false, "Nothing is overdue.", "mud-alert-text-success")]
    [InlineData(1, false, "1 task is OVERDUE.", "mud-alert-filled-error")]
    [InlineData(100, true, "100+ tasks are OVERDUE.", "mud-alert-filled-error")]
    public void The_overdue_count_is_said_in_words_and_shown_in_colour(int overdue, bool more, string text, string colour)
    {
        var overdueTasks = Enumerable.Range(0, overdue).Select(i => Urgent(90, 60, $"RP-{i}")).ToList();
        var view = new EscalationView(Now, [], false, overdueTasks, [], more, []);

        var summary = Render<OverdueSummary>(p => p.Add(s => s.View, view)).Find("[role=status]");

        summary.TextContent.Trim().Should().Be(text);
        summary.ClassList.Should().Contain(colour);
    }
}
