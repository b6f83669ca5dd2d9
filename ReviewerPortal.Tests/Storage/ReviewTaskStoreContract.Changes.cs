using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage;

/// <summary>The contract's decisions: recording, racing, completing, expiry and the reconciler's list.</summary>
public abstract partial class ReviewTaskStoreContract
{
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
        var audit = await Audit.ListForTaskAsync("t-decide");
        audit.Should().ContainSingle(a => a.Action == "decided" && a.ActorId == Alice.Id && a.Detail == "approved");
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason()
    {
        await RegisteredAsync("t-reject");

        await ClaimAndDecideAsync("t-reject", Rejection(Bob));

        (await Store.GetAsync("t-reject"))!.Decision!.Reason.Should().Be("Laterality wrong in the impression.");
    }

    [Fact]
    public async Task Two_decisions_by_the_holder_racing_on_one_task_have_exactly_one_winner()
    {
        await RegisteredAsync("t-race");
        await Store.ClaimAsync("t-race", Alice, Clock.GetUtcNow().AddMinutes(15));

        var results = await Task.WhenAll(
            Task.Run(() => Store.RecordDecisionAsync("t-race", Approval(Alice))),
            Task.Run(() => Store.RecordDecisionAsync("t-race", Rejection(Alice))));

        results.Count(r => r.Applied).Should().Be(1);
        var loser = results.Single(r => !r.Applied);
        loser.Kind.Should().Be(StoreResultKind.Conflict);
        var winner = results.Single(r => r.Applied).Task!.Decision!;
        loser.Task!.Decision.Should().Be(winner, "the loser is told what was decided, and by whom");
        (await Audit.ListForTaskAsync("t-race")).Where(a => a.Action == "decided").Should().ContainSingle();
    }

    [Fact]
    public async Task A_decision_on_a_task_nobody_claimed_is_refused_by_the_store()
    {
        await RegisteredAsync("t-unclaimed");

        var result = await Store.RecordDecisionAsync("t-unclaimed", Approval(Alice));

        result.Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.GetAsync("t-unclaimed"))!.Status.Should().Be(ReviewStatus.Pending);
        (await Audit.ListForTaskAsync("t-unclaimed")).Should().NotContain(a => a.Action == "decided");
    }

    [Fact]
    public async Task A_decision_after_the_deciders_lease_ran_out_is_refused_by_the_store()
    {
        await RegisteredAsync("t-lapsed");
        await Store.ClaimAsync("t-lapsed", Alice, Clock.GetUtcNow().AddMinutes(5));
        Clock.Advance(TimeSpan.FromMinutes(6));

        var result = await Store.RecordDecisionAsync("t-lapsed", Approval(Alice) with { DecidedAt = Clock.GetUtcNow() });

        result.Kind.Should().Be(StoreResultKind.Conflict);
        (await Audit.ListForTaskAsync("t-lapsed")).Should().NotContain(a => a.Action == "decided");
    }

    [Fact]
    public async Task Deciding_a_task_someone_else_holds_is_a_conflict()
    {
        await RegisteredAsync("t-others");
        await Store.ClaimAsync("t-others", Alice, Clock.GetUtcNow().AddMinutes(15));

        var result = await Store.RecordDecisionAsync("t-others", Approval(Bob));

        result.Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.GetAsync("t-others"))!.Status.Should().Be(ReviewStatus.Claimed);
        (await Audit.ListForTaskAsync("t-others")).Should().NotContain(a => a.Action == "decided");
    }

    [Fact]
    public async Task Completing_a_decision_moves_deciding_to_decided_once()
    {
        await RegisteredAsync("t-complete");
        await ClaimAndDecideAsync("t-complete", Approval(Alice));

        var first = await Store.CompleteDecisionAsync("t-complete");
        var second = await Store.CompleteDecisionAsync("t-complete");

        first.Kind.Should().Be(StoreResultKind.Applied);
        first.Task!.Status.Should().Be(ReviewStatus.Decided);
        second.Kind.Should().Be(StoreResultKind.Conflict);
        second.Task!.Status.Should().Be(ReviewStatus.Decided);
    }

    [Fact]
    public async Task Closing_a_gate_completed_elsewhere_closes_open_tasks_but_leaves_a_recorded_decision_to_its_delivery()
    {
        await RegisteredAsync("t-elsewhere");
        await RegisteredAsync("t-ours");
        await ClaimAndDecideAsync("t-ours", Approval(Alice));

        var elsewhere = await Store.CloseOpenAsync("t-elsewhere", "completed outside the portal");
        var ours = await Store.CloseOpenAsync("t-ours", "completed outside the portal");

        elsewhere.Task!.Status.Should().Be(ReviewStatus.Expired);
        (await ListAllOpenAsync(QueueName.Urgent, 10)).Should().BeEmpty();
        ours.Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.GetAsync("t-ours"))!.Status.Should().Be(ReviewStatus.Deciding);
        (await Audit.ListForTaskAsync("t-elsewhere")).Should().ContainSingle(a => a.Action == "expired" && a.Detail == "completed outside the portal");
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
        await ClaimAndDecideAsync("t-stuck", Approval(Alice));
        await ClaimAndDecideAsync("t-done", Approval(Alice));
        await Store.CompleteDecisionAsync("t-done");

        var open = await Store.MarkExpiredAsync("t-open", "TaskTimedOut");
        var stuck = await Store.MarkExpiredAsync("t-stuck", "TaskTimedOut");
        var done = await Store.MarkExpiredAsync("t-done", "TaskTimedOut");

        open.Task!.Status.Should().Be(ReviewStatus.Expired);
        stuck.Task!.Status.Should().Be(ReviewStatus.Expired);
        done.Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.GetAsync("t-done"))!.Status.Should().Be(ReviewStatus.Decided);
        (await Audit.ListForTaskAsync("t-open")).Should().ContainSingle(a => a.Action == "expired" && a.Detail == "TaskTimedOut");
    }

    [Fact]
    public async Task Tasks_left_in_deciding_are_listed_for_the_reconciler()
    {
        await RegisteredAsync("t-left-1");
        await RegisteredAsync("t-left-2");
        await RegisteredAsync("t-finished");
        await RegisteredAsync("t-still-open");
        await ClaimAndDecideAsync("t-left-1", Approval(Alice));
        await ClaimAndDecideAsync("t-left-2", Rejection(Alice));
        await ClaimAndDecideAsync("t-finished", Approval(Alice));
        await Store.CompleteDecisionAsync("t-finished");

        var deciding = await Store.ListDecidingAsync(10);

        deciding.Select(t => t.Id).Should().BeEquivalentTo(["t-left-1", "t-left-2"]);
        (await Store.ListDecidingAsync(1)).Should().HaveCount(1);
    }
}
