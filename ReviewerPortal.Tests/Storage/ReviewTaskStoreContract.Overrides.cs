using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage;

/// <summary>The contract's supervisor overrides: releasing or reassigning someone's claim, audited in the same write.</summary>
public abstract partial class ReviewTaskStoreContract
{
    private static Reviewer Supervisor { get; } = new("oid-sam", "Sam Okafor (supervisor)");

    [Fact]
    public async Task A_supervisor_releases_a_live_claim_back_to_pending_and_the_audit_names_both_people()
    {
        await RegisteredAsync("t-override-release");
        await Store.ClaimAsync("t-override-release", Alice, Clock.GetUtcNow().AddMinutes(15));

        var result = await Store.OverrideClaimAsync("t-override-release", Alice.Id, Supervisor, reassignTo: null);

        result.Kind.Should().Be(StoreResultKind.Applied);
        var stored = await Store.GetAsync("t-override-release");
        (stored!.Status, stored.Claim).Should().Be((ReviewStatus.Pending, (ClaimLease?)null));
        var audit = (await Audit.ListForTaskAsync("t-override-release")).Where(a => a.Action != "claimed").Should().ContainSingle().Subject;
        audit.Should().BeEquivalentTo(new AuditEntry(
            "t-override-release", Clock.GetUtcNow(), Supervisor.Id, Supervisor.DisplayName, "claim-released-by-supervisor", $"released the claim of {Alice.DisplayName} ({Alice.Id})"));
    }

    [Fact]
    public async Task A_supervisor_reassigns_a_claim_and_the_new_holder_is_stored_with_its_lease()
    {
        await RegisteredAsync("t-override-reassign");
        await Store.ClaimAsync("t-override-reassign", Alice, Clock.GetUtcNow().AddMinutes(15));
        var lease = new ClaimLease(Supervisor.Id, Supervisor.DisplayName, Clock.GetUtcNow().AddMinutes(20));

        var result = await Store.OverrideClaimAsync("t-override-reassign", Alice.Id, Supervisor, lease);

        result.Kind.Should().Be(StoreResultKind.Applied);
        var stored = await Store.GetAsync("t-override-reassign");
        (stored!.Status, stored.Claim).Should().Be((ReviewStatus.Claimed, lease));
        (await Audit.ListForTaskAsync("t-override-reassign")).Should().ContainSingle(a =>
            a.Action == "claim-reassigned" && a.ActorId == Supervisor.Id && a.Detail == $"from {Alice.DisplayName} ({Alice.Id}) to {Supervisor.DisplayName} ({Supervisor.Id})");
    }

    [Fact]
    public async Task An_override_of_a_claim_that_changed_hands_is_a_conflict_and_writes_no_audit()
    {
        await RegisteredAsync("t-override-stale");
        await Store.ClaimAsync("t-override-stale", Alice, Clock.GetUtcNow().AddMinutes(15));
        await Store.ReleaseAsync("t-override-stale", Alice);
        await Store.ClaimAsync("t-override-stale", Bob, Clock.GetUtcNow().AddMinutes(15));

        var result = await Store.OverrideClaimAsync("t-override-stale", Alice.Id, Supervisor, reassignTo: null);

        result.Kind.Should().Be(StoreResultKind.Conflict);
        result.Task!.Claim!.ReviewerId.Should().Be(Bob.Id);
        (await Audit.ListForTaskAsync("t-override-stale")).Select(a => a.Action).Should().Equal(["claimed", "released", "claimed"], "a refused override writes nothing");
    }

    [Fact]
    public async Task Overriding_an_unclaimed_or_decided_task_is_a_conflict()
    {
        await RegisteredAsync("t-override-free");
        await RegisteredAsync("t-override-decided");
        await Store.ClaimAsync("t-override-decided", Alice, Clock.GetUtcNow().AddMinutes(15));
        await ClaimAndDecideAsync("t-override-decided", Approval(Alice));

        (await Store.OverrideClaimAsync("t-override-free", Alice.Id, Supervisor, null)).Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.OverrideClaimAsync("t-override-decided", Alice.Id, Supervisor, null)).Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.OverrideClaimAsync("t-override-unknown", Alice.Id, Supervisor, null)).Kind.Should().Be(StoreResultKind.NotFound);
    }
}
