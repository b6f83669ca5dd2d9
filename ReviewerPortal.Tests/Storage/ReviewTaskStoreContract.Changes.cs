using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage;

/// <summary>The contract's state changes: claims, releases, decisions, expiry and the audit trail.</summary>
public abstract partial class ReviewTaskStoreContract
{
    protected Decision Approval(Reviewer reviewer) => new()
    {
        Outcome = DecisionOutcome.Approved,
        Reviewer = reviewer,
        DecidedAt = Clock.GetUtcNow(),
        FinalReportLocation = "s3://reviewer-portal-reports/case/final.md",
        EditedFromDraft = true,
        DraftSha256 = new string('a', 64),
        FinalSha256 = new string('b', 64),
        Attestation = "I have reviewed the images and this report.",
    };

    protected Decision Rejection(Reviewer reviewer) => new()
    {
        Outcome = DecisionOutcome.Rejected,
        Reviewer = reviewer,
        DecidedAt = Clock.GetUtcNow(),
        Reason = "Laterality wrong in the impression.",
    };

    [Fact]
    public async Task A_claim_records_who_holds_the_task_until_when()
    {
        var registered = await RegisteredAsync("t-claim");
        var until = Clock.GetUtcNow().AddMinutes(15);

        var result = await Store.ClaimAsync("t-claim", Alice, until);

        result.Kind.Should().Be(StoreResultKind.Applied);
        var stored = await Store.GetAsync("t-claim");
        stored!.Status.Should().Be(ReviewStatus.Claimed);
        stored.Claim.Should().Be(new ClaimLease(Alice.Id, Alice.DisplayName, until));
        stored.Version.Should().BeGreaterThan(registered.Version);
        result.Task.Should().BeEquivalentTo(stored);
    }

    [Fact]
    public async Task A_second_reviewer_cannot_claim_a_live_claim_and_is_told_who_holds_it()
    {
        await RegisteredAsync("t-held");
        await Store.ClaimAsync("t-held", Alice, Clock.GetUtcNow().AddMinutes(15));

        var result = await Store.ClaimAsync("t-held", Bob, Clock.GetUtcNow().AddMinutes(15));

        result.Kind.Should().Be(StoreResultKind.Conflict);
        result.Task!.Claim!.ReviewerName.Should().Be(Alice.DisplayName);
        (await Store.GetAsync("t-held"))!.Claim!.ReviewerId.Should().Be(Alice.Id);
    }

    [Fact]
    public async Task Claiming_your_own_claim_again_extends_the_lease()
    {
        await RegisteredAsync("t-extend");
        await Store.ClaimAsync("t-extend", Alice, Clock.GetUtcNow().AddMinutes(5));
        var later = Clock.GetUtcNow().AddMinutes(30);

        var result = await Store.ClaimAsync("t-extend", Alice, later);

        result.Kind.Should().Be(StoreResultKind.Applied);
        (await Store.GetAsync("t-extend"))!.Claim!.Until.Should().Be(later);
    }

    [Fact]
    public async Task A_lapsed_lease_no_longer_blocks_another_reviewer()
    {
        await RegisteredAsync("t-lapsed");
        await Store.ClaimAsync("t-lapsed", Alice, Clock.GetUtcNow().AddMinutes(5));
        Clock.Advance(TimeSpan.FromMinutes(6));

        var result = await Store.ClaimAsync("t-lapsed", Bob, Clock.GetUtcNow().AddMinutes(5));

        result.Kind.Should().Be(StoreResultKind.Applied);
        (await Store.GetAsync("t-lapsed"))!.Claim!.ReviewerId.Should().Be(Bob.Id);
    }

    [Fact]
    public async Task The_holder_releases_a_claim_back_to_pending()
    {
        await RegisteredAsync("t-release");
        await Store.ClaimAsync("t-release", Alice, Clock.GetUtcNow().AddMinutes(15));

        var result = await Store.ReleaseAsync("t-release", Alice);

        result.Kind.Should().Be(StoreResultKind.Applied);
        var stored = await Store.GetAsync("t-release");
        stored!.Status.Should().Be(ReviewStatus.Pending);
        stored.Claim.Should().BeNull();
    }

    [Fact]
    public async Task Only_the_holder_releases_unless_forced()
    {
        await RegisteredAsync("t-force");
        await Store.ClaimAsync("t-force", Alice, Clock.GetUtcNow().AddMinutes(15));

        var byBob = await Store.ReleaseAsync("t-force", Bob);
        var forced = await Store.ReleaseAsync("t-force", Bob, force: true);

        byBob.Kind.Should().Be(StoreResultKind.Conflict);
        forced.Kind.Should().Be(StoreResultKind.Applied);
        (await Store.GetAsync("t-force"))!.Status.Should().Be(ReviewStatus.Pending);
    }

    [Fact]
    public async Task Releasing_a_task_nobody_claimed_is_a_conflict()
    {
        await RegisteredAsync("t-unclaimed");

        (await Store.ReleaseAsync("t-unclaimed", Alice)).Kind.Should().Be(StoreResultKind.Conflict);
    }

    [Fact]
    public async Task Recording_a_decision_moves_the_task_to_deciding_with_the_decision_and_an_audit_entry()
    {
        await RegisteredAsync("t-decide");
        await Store.ClaimAsync("t-decide", Alice, Clock.GetUtcNow().AddMinutes(15));
        var approval = Approval(Alice);

        var result = await Store.RecordDecisionAsync("t-decide", approval);

        result.Kind.Should().Be(StoreResultKind.Applied);
        var stored = await Store.GetAsync("t-decide");
        stored!.Status.Should().Be(ReviewStatus.Deciding);
        stored.Decision.Should().BeEquivalentTo(approval);
        var audit = await Store.ListAuditAsync("t-decide");
        audit.Should().ContainSingle(a => a.Action == "decided" && a.ActorId == Alice.Id && a.Detail == "approved");
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason()
    {
        await RegisteredAsync("t-reject");

        await Store.RecordDecisionAsync("t-reject", Rejection(Bob));

        (await Store.GetAsync("t-reject"))!.Decision!.Reason.Should().Be("Laterality wrong in the impression.");
    }

    [Fact]
    public async Task Two_reviewers_racing_to_decide_one_task_have_exactly_one_winner()
    {
        await RegisteredAsync("t-race");

        var results = await Task.WhenAll(
            Task.Run(() => Store.RecordDecisionAsync("t-race", Approval(Alice))),
            Task.Run(() => Store.RecordDecisionAsync("t-race", Rejection(Bob))));

        results.Count(r => r.Applied).Should().Be(1);
        var loser = results.Single(r => !r.Applied);
        loser.Kind.Should().Be(StoreResultKind.Conflict);
        var winner = results.Single(r => r.Applied).Task!.Decision!.Reviewer;
        loser.Task!.Decision!.Reviewer.Should().Be(winner, "the loser is told who decided");
        (await Store.ListAuditAsync("t-race")).Where(a => a.Action == "decided").Should().ContainSingle();
    }

    [Fact]
    public async Task Deciding_a_task_someone_else_holds_is_a_conflict()
    {
        await RegisteredAsync("t-others");
        await Store.ClaimAsync("t-others", Alice, Clock.GetUtcNow().AddMinutes(15));

        var result = await Store.RecordDecisionAsync("t-others", Approval(Bob));

        result.Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.GetAsync("t-others"))!.Status.Should().Be(ReviewStatus.Claimed);
        (await Store.ListAuditAsync("t-others")).Should().NotContain(a => a.Action == "decided");
    }

    [Fact]
    public async Task Completing_a_decision_moves_deciding_to_decided_once()
    {
        await RegisteredAsync("t-complete");
        await Store.RecordDecisionAsync("t-complete", Approval(Alice));

        var first = await Store.CompleteDecisionAsync("t-complete");
        var second = await Store.CompleteDecisionAsync("t-complete");

        first.Kind.Should().Be(StoreResultKind.Applied);
        first.Task!.Status.Should().Be(ReviewStatus.Decided);
        second.Kind.Should().Be(StoreResultKind.Conflict);
        second.Task!.Status.Should().Be(ReviewStatus.Decided);
    }

    [Fact]
    public async Task Completing_a_task_without_a_recorded_decision_is_a_conflict()
    {
        await RegisteredAsync("t-no-decision");

        (await Store.CompleteDecisionAsync("t-no-decision")).Kind.Should().Be(StoreResultKind.Conflict);
    }

    [Fact]
    public async Task Expiry_closes_open_and_deciding_tasks_with_an_audit_entry_but_never_a_decided_one()
    {
        await RegisteredAsync("t-open");
        await RegisteredAsync("t-stuck");
        await RegisteredAsync("t-done");
        await Store.RecordDecisionAsync("t-stuck", Approval(Alice));
        await Store.RecordDecisionAsync("t-done", Approval(Alice));
        await Store.CompleteDecisionAsync("t-done");

        var open = await Store.MarkExpiredAsync("t-open", "TaskTimedOut");
        var stuck = await Store.MarkExpiredAsync("t-stuck", "TaskTimedOut");
        var done = await Store.MarkExpiredAsync("t-done", "TaskTimedOut");

        open.Task!.Status.Should().Be(ReviewStatus.Expired);
        stuck.Task!.Status.Should().Be(ReviewStatus.Expired);
        done.Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.GetAsync("t-done"))!.Status.Should().Be(ReviewStatus.Decided);
        (await Store.ListAuditAsync("t-open")).Should().ContainSingle(a => a.Action == "expired" && a.Detail == "TaskTimedOut");
    }

    [Fact]
    public async Task Tasks_left_in_deciding_are_listed_for_the_reconciler()
    {
        await RegisteredAsync("t-left-1");
        await RegisteredAsync("t-left-2");
        await RegisteredAsync("t-finished");
        await RegisteredAsync("t-still-open");
        await Store.RecordDecisionAsync("t-left-1", Approval(Alice));
        await Store.RecordDecisionAsync("t-left-2", Rejection(Alice));
        await Store.RecordDecisionAsync("t-finished", Approval(Alice));
        await Store.CompleteDecisionAsync("t-finished");

        var deciding = await Store.ListDecidingAsync(10);

        deciding.Select(t => t.Id).Should().BeEquivalentTo(["t-left-1", "t-left-2"]);
        (await Store.ListDecidingAsync(1)).Should().HaveCount(1);
    }

    [Fact]
    public async Task Changes_to_an_unknown_task_report_not_found()
    {
        var until = Clock.GetUtcNow().AddMinutes(5);

        (await Store.ClaimAsync("t-ghost", Alice, until)).Kind.Should().Be(StoreResultKind.NotFound);
        (await Store.ReleaseAsync("t-ghost", Alice)).Kind.Should().Be(StoreResultKind.NotFound);
        (await Store.RecordDecisionAsync("t-ghost", Approval(Alice))).Kind.Should().Be(StoreResultKind.NotFound);
        (await Store.CompleteDecisionAsync("t-ghost")).Kind.Should().Be(StoreResultKind.NotFound);
        (await Store.MarkExpiredAsync("t-ghost", "TaskDoesNotExist")).Kind.Should().Be(StoreResultKind.NotFound);
    }

    [Fact]
    public async Task Audit_entries_list_in_the_order_they_were_appended()
    {
        await RegisteredAsync("t-audit");
        var at = Clock.GetUtcNow();
        await Store.AppendAuditAsync(new AuditEntry("t-audit", at, Alice.Id, Alice.DisplayName, "claimed", null));
        await Store.AppendAuditAsync(new AuditEntry("t-audit", at, Alice.Id, Alice.DisplayName, "released", "handover"));
        await Store.AppendAuditAsync(new AuditEntry("t-other", at, Bob.Id, Bob.DisplayName, "claimed", null));

        var audit = await Store.ListAuditAsync("t-audit");

        audit.Select(a => a.Action).Should().Equal("claimed", "released");
        audit[1].Should().Be(new AuditEntry("t-audit", at, Alice.Id, Alice.DisplayName, "released", "handover"));
    }
}
