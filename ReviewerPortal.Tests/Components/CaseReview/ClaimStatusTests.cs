using Bunit;
using ReviewerPortal.Components.CaseReview;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Escalations;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>One sentence about who holds the case, never two that contradict (issue 10, items 2 and 6).</summary>
public class ClaimStatusTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReviewTask Open = EscalationTasks.Open("lost", QueueName.Urgent, Now.AddMinutes(-10), Now.AddMinutes(50));

    private string Markup(ReviewTask task, bool heldBefore, DateTimeOffset? holderSince = null) =>
        Render<ClaimStatus>(p => p
            .Add(c => c.Task, task)
            .Add(c => c.Now, Now)
            .Add(c => c.UserId, "dana")
            .Add(c => c.HeldBefore, heldBefore)
            .Add(c => c.HolderSince, holderSince)).Markup;

    [Fact]
    public void The_holder_reads_that_they_are_reviewing_the_case_until_when()
    {
        var mine = Open with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("dana", "Dr. Dana Reyes", Now.AddMinutes(20)) };

        var html = Markup(mine, heldBefore: true);

        html.Should().Contain("You are reviewing this case. Your claim lasts until 09:20 UTC").And.NotContain("no longer hold");
    }

    [Fact]
    public void A_claim_taken_over_names_the_new_holder_and_keeps_the_typed_text_in_mind()
    {
        var taken = Open with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("sam", "Dr. Sam Okafor", Now.AddMinutes(20)) };

        var html = Markup(taken, heldBefore: true);

        html.Should().Contain("You no longer hold this case: Dr. Sam Okafor holds it now (until 09:20 UTC)").And.Contain("kept below, read-only")
            .And.NotContain("You are reviewing");
    }

    [Fact]
    public void A_lost_claim_says_since_when_the_new_holder_has_it()
    {
        var taken = Open with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("sam", "Dr. Sam Okafor", Now.AddMinutes(20)) };

        var html = Markup(taken, heldBefore: true, holderSince: Now.AddMinutes(-3));

        html.Should().Contain("You no longer hold this case: Dr. Sam Okafor holds it now (since 08:57 UTC, until 09:20 UTC)");
    }

    [Fact]
    public void Someone_who_never_held_it_is_told_who_reviews_it_without_being_told_they_lost_it()
    {
        var held = Open with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("sam", "Dr. Sam Okafor", Now.AddMinutes(20)) };

        var html = Markup(held, heldBefore: false);

        html.Should().Contain("Dr. Sam Okafor is reviewing this case (until 09:20 UTC).").And.NotContain("no longer hold");
    }

    [Fact]
    public void A_released_claim_sends_the_case_back_to_the_queue_in_words()
    {
        var html = Markup(Open, heldBefore: true);

        html.Should().Contain("You no longer hold this case: your claim was released or ran out");
    }

    [Fact]
    public void A_closed_case_says_nothing_done_here_is_sent()
    {
        var html = Markup(Open with { Status = ReviewStatus.Expired }, heldBefore: false);

        html.Should().Contain("This case is closed").And.Contain("Nothing you do here is sent.");
    }
}
