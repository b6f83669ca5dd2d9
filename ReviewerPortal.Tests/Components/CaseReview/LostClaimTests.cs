using ReviewerPortal.Components.CaseReview;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Escalations;

namespace ReviewerPortal.Tests.Components.CaseReview;

public class LostClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReviewTask Open = EscalationTasks.Open("lost", QueueName.Urgent, Now.AddMinutes(-10), Now.AddMinutes(50));

    [Fact]
    public void A_claim_now_held_by_someone_else_names_who_took_it_over()
    {
        var taken = Open with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("sam", "Dr. Sam Okafor", Now.AddMinutes(20)) };

        LostClaim.Message(taken, "dana", Now).Should().Be("You no longer hold this case: Dr. Sam Okafor has taken it over.");
    }

    [Fact]
    public void A_claim_gone_from_a_pending_task_says_it_was_released_back_to_the_queue()
    {
        LostClaim.Message(Open, "dana", Now).Should().Be("You no longer hold this case: your claim was released and the case is back in the queue.");
    }

    [Fact]
    public void The_clinicians_own_claim_past_its_lease_says_it_lapsed()
    {
        var lapsed = Open with { Status = ReviewStatus.Claimed, Claim = new ClaimLease("dana", "Dr. Dana Reyes", Now.AddMinutes(-1)) };

        LostClaim.Message(lapsed, "dana", Now).Should().Be("Your claim on this case has lapsed; claim it again to go on.");
    }
}
