using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Review;

public class ReviewTaskTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Reviewer Alice = new("alice", "Dr Alice");
    private static readonly Reviewer Bob = new("bob", "Dr Bob");

    private static ReviewTask Pending() => new()
    {
        Id = "t1",
        TaskToken = "token",
        ExecutionArn = "arn",
        CaseId = "C1",
        StudyDescription = "CT head",
        Modality = "CT",
        Urgency = Urgency.Urgent,
        Queue = QueueName.Urgent,
        DraftLocation = "s3://b/k",
        CreatedAt = Now.AddMinutes(-10),
        DueAt = Now.AddMinutes(50),
        Version = 3,
    };

    private static ReviewTask ClaimedBy(Reviewer reviewer, DateTimeOffset until) =>
        Pending() with { Status = ReviewStatus.Claimed, Claim = new ClaimLease(reviewer.Id, reviewer.DisplayName, until) };

    private static Decision ApprovalBy(Reviewer reviewer) => new() { Outcome = DecisionOutcome.Approved, Reviewer = reviewer, DecidedAt = Now };

    [Fact]
    public void A_renewal_only_ever_lengthens_the_holders_live_lease()
    {
        var held = ClaimedBy(Alice, Now.AddMinutes(5));

        ReviewTaskTransitions.RenewClaim(held, "alice", Now.AddMinutes(20), Now)!.Claim!.Until.Should().Be(Now.AddMinutes(20));
        ReviewTaskTransitions.RenewClaim(held, "alice", Now.AddMinutes(4), Now).Should().BeNull("a renewal never shortens a lease");
        ReviewTaskTransitions.RenewClaim(held, "bob", Now.AddMinutes(20), Now).Should().BeNull();
        ReviewTaskTransitions.RenewClaim(held, "alice", Now.AddMinutes(30), Now.AddMinutes(6)).Should().BeNull("a lapsed lease is claimed again, not renewed");
        ReviewTaskTransitions.RenewClaim(Pending(), "alice", Now.AddMinutes(20), Now).Should().BeNull();
    }

    [Fact]
    public void Claiming_a_pending_task_sets_the_lease_and_bumps_the_version()
    {
        var claimed = ReviewTaskTransitions.Claim(Pending(), Alice, Now.AddMinutes(15), Now);

        claimed!.Status.Should().Be(ReviewStatus.Claimed);
        claimed.Claim.Should().Be(new ClaimLease("alice", "Dr Alice", Now.AddMinutes(15)));
        claimed.Version.Should().Be(4);
    }

    [Fact]
    public void A_lease_that_ends_in_the_past_is_not_a_claim()
    {
        ReviewTaskTransitions.Claim(Pending(), Alice, Now.AddSeconds(-1), Now).Should().BeNull();
    }

    [Fact]
    public void Someone_elses_live_claim_blocks_a_claim_until_it_lapses()
    {
        var held = ClaimedBy(Alice, Now.AddMinutes(5));

        ReviewTaskTransitions.Claim(held, Bob, Now.AddMinutes(15), Now).Should().BeNull();
        ReviewTaskTransitions.Claim(held, Bob, Now.AddMinutes(20), Now.AddMinutes(6))!.Claim!.ReviewerId.Should().Be("bob");
    }

    [Theory]
    [InlineData(ReviewStatus.Deciding)]
    [InlineData(ReviewStatus.Decided)]
    [InlineData(ReviewStatus.Expired)]
    public void Closed_tasks_can_be_neither_claimed_nor_decided(ReviewStatus status)
    {
        var closed = Pending() with { Status = status };

        ReviewTaskTransitions.Claim(closed, Alice, Now.AddMinutes(5), Now).Should().BeNull();
        ReviewTaskTransitions.RecordDecision(closed, ApprovalBy(Alice), Now).Should().BeNull();
    }

    [Fact]
    public void Only_the_holder_or_a_forced_release_gives_a_claim_back()
    {
        var held = ClaimedBy(Alice, Now.AddMinutes(5));

        ReviewTaskTransitions.Release(held, Bob, force: false).Should().BeNull();
        ReviewTaskTransitions.Release(held, Alice, force: false)!.Status.Should().Be(ReviewStatus.Pending);
        ReviewTaskTransitions.Release(held, Bob, force: true)!.Claim.Should().BeNull();
    }

    [Fact]
    public void A_decision_needs_the_deciders_own_live_claim()
    {
        var held = ClaimedBy(Alice, Now.AddMinutes(5));

        ReviewTaskTransitions.RecordDecision(held, ApprovalBy(Bob), Now).Should().BeNull("someone else holds it");
        ReviewTaskTransitions.RecordDecision(held, ApprovalBy(Alice), Now)!.Status.Should().Be(ReviewStatus.Deciding);
        ReviewTaskTransitions.RecordDecision(held, ApprovalBy(Alice), Now.AddMinutes(6)).Should().BeNull("the holder's lease ran out");
        ReviewTaskTransitions.RecordDecision(held, ApprovalBy(Bob), Now.AddMinutes(6)).Should().BeNull("a lapsed claim is not Bob's claim");
        ReviewTaskTransitions.RecordDecision(Pending(), ApprovalBy(Alice), Now).Should().BeNull("nobody claimed it");
    }

    [Fact]
    public void Only_a_deciding_task_completes()
    {
        var deciding = ReviewTaskTransitions.RecordDecision(ClaimedBy(Alice, Now.AddMinutes(5)), ApprovalBy(Alice), Now)!;

        ReviewTaskTransitions.CompleteDecision(Pending()).Should().BeNull();
        ReviewTaskTransitions.CompleteDecision(deciding)!.Status.Should().Be(ReviewStatus.Decided);
    }

    [Fact]
    public void Expiry_never_overwrites_a_delivered_decision()
    {
        ReviewTaskTransitions.MarkExpired(Pending() with { Status = ReviewStatus.Decided }).Should().BeNull();
        ReviewTaskTransitions.MarkExpired(Pending() with { Status = ReviewStatus.Deciding })!.Status.Should().Be(ReviewStatus.Expired);
        ReviewTaskTransitions.MarkExpired(ClaimedBy(Alice, Now.AddMinutes(5)))!.Claim.Should().BeNull();
    }

    [Fact]
    public void The_decision_audit_names_the_outcome_but_never_the_reason()
    {
        var rejection = new Decision { Outcome = DecisionOutcome.Rejected, Reviewer = Bob, DecidedAt = Now, Reason = "Patient details in text" };

        var audit = ReviewTaskTransitions.DecisionAudit("t1", rejection);

        audit.Should().Be(new AuditEntry("t1", Now, "bob", "Dr Bob", "decided", "rejected"));
    }

    [Fact]
    public void A_supervisor_override_applies_to_the_holder_it_names_even_after_the_lease_lapsed()
    {
        var lapsed = ClaimedBy(Alice, Now.AddMinutes(-1));
        var taken = new ClaimLease("sam", "Dr Sam", Now.AddMinutes(20));

        ReviewTaskTransitions.OverrideClaim(lapsed, "alice", null, Now).Should().Match<ReviewTask>(t => t.Status == ReviewStatus.Pending && t.Claim == null && t.Version == 4);
        ReviewTaskTransitions.OverrideClaim(lapsed, "alice", taken, Now)!.Claim.Should().Be(taken);
    }

    [Fact]
    public void An_override_naming_another_holder_an_unclaimed_task_or_an_already_lapsed_new_lease_is_refused()
    {
        ReviewTaskTransitions.OverrideClaim(ClaimedBy(Bob, Now.AddMinutes(5)), "alice", null, Now).Should().BeNull();
        ReviewTaskTransitions.OverrideClaim(Pending(), "alice", null, Now).Should().BeNull();
        ReviewTaskTransitions.OverrideClaim(ClaimedBy(Alice, Now.AddMinutes(5)), "alice", new ClaimLease("sam", "Dr Sam", Now), Now).Should().BeNull();
    }
}
