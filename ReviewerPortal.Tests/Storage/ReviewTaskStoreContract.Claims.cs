using ReviewerPortal.Audit;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage;

/// <summary>
/// The contract's claims and releases, each audited with the reviewer's stable id in the same write as the change
/// (a transaction in DynamoDB, so these run on moto and SQLite; dynalite has no transactions).
/// </summary>
public abstract partial class ReviewTaskStoreContract
{
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
        (await Audit.ListForTaskAsync("t-claim")).Should().ContainSingle().Which.Should().BeEquivalentTo(
            new AuditEntry("t-claim", Clock.GetUtcNow(), Alice.Id, Alice.DisplayName, "claimed", "until " + until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
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
        (await Audit.ListForTaskAsync("t-held")).Should().ContainSingle("a refused claim leaves no trace").Which.ActorId.Should().Be(Alice.Id);
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
    public async Task Renewing_extends_the_holders_live_lease_without_an_audit_entry()
    {
        await RegisteredAsync("t-renew");
        var claimed = await Store.ClaimAsync("t-renew", Alice, Clock.GetUtcNow().AddMinutes(5));
        Clock.Advance(TimeSpan.FromMinutes(3));
        var later = Clock.GetUtcNow().AddMinutes(20);

        var result = await Store.RenewClaimAsync("t-renew", Alice.Id, later);

        result.Kind.Should().Be(StoreResultKind.Applied);
        var stored = await Store.GetAsync("t-renew");
        stored!.Claim.Should().Be(new ClaimLease(Alice.Id, Alice.DisplayName, later));
        stored.Status.Should().Be(ReviewStatus.Claimed);
        stored.Version.Should().BeGreaterThan(claimed.Task!.Version);
        (await Audit.ListForTaskAsync("t-renew")).Should().ContainSingle("only the claim itself is audited").Which.Action.Should().Be("claimed");
    }

    [Fact]
    public async Task Only_the_holder_of_a_live_lease_renews_it()
    {
        await RegisteredAsync("t-renew-other");
        await Store.ClaimAsync("t-renew-other", Alice, Clock.GetUtcNow().AddMinutes(5));
        await RegisteredAsync("t-renew-lapsed");
        await Store.ClaimAsync("t-renew-lapsed", Alice, Clock.GetUtcNow().AddMinutes(1));
        await RegisteredAsync("t-renew-free");
        Clock.Advance(TimeSpan.FromMinutes(2));

        (await Store.RenewClaimAsync("t-renew-other", Bob.Id, Clock.GetUtcNow().AddMinutes(20))).Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.RenewClaimAsync("t-renew-lapsed", Alice.Id, Clock.GetUtcNow().AddMinutes(20))).Kind.Should().Be(StoreResultKind.Conflict, "a lapsed lease must be claimed again");
        (await Store.RenewClaimAsync("t-renew-free", Alice.Id, Clock.GetUtcNow().AddMinutes(20))).Kind.Should().Be(StoreResultKind.Conflict);
        (await Store.RenewClaimAsync("t-renew-missing", Alice.Id, Clock.GetUtcNow().AddMinutes(20))).Kind.Should().Be(StoreResultKind.NotFound);
        (await Store.GetAsync("t-renew-other"))!.Claim!.Until.Should().Be(Clock.GetUtcNow().AddMinutes(3));
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
        (await Audit.ListForTaskAsync("t-release")).Select(a => (a.Action, a.ActorId)).Should().Equal(("claimed", Alice.Id), ("released", Alice.Id));
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
        (await Audit.ListForTaskAsync("t-force"))[^1].Should().BeEquivalentTo(new AuditEntry(
            "t-force", Clock.GetUtcNow(), Bob.Id, Bob.DisplayName, "claim-released-by-force", $"released the claim of {Alice.DisplayName} ({Alice.Id})"));
    }

    [Fact]
    public async Task Releasing_a_task_nobody_claimed_is_a_conflict()
    {
        await RegisteredAsync("t-unclaimed");

        (await Store.ReleaseAsync("t-unclaimed", Alice)).Kind.Should().Be(StoreResultKind.Conflict);
    }
}
