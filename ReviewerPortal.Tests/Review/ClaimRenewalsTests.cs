using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Escalations;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Review;

/// <summary>Which claims <see cref="ClaimRenewals"/> keeps alive, on a SQLite task store with a clock the test moves.</summary>
public sealed class ClaimRenewalsTests : IDisposable
{
    private static readonly Reviewer Alice = new("oid-alice", "Dr. Alice Moreau");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(20);

    private readonly TempDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly SqliteReviewTaskStore _store;
    private readonly ClaimRenewals _renewals;

    public ClaimRenewalsTests()
    {
        _store = new SqliteReviewTaskStore(new SqliteDatabase(_folder.File("tasks.db")), new ReviewTaskChanges(), _clock);
        _renewals = new ClaimRenewals(_store, Options.Create(new DecisionOptions { ClaimLease = Lease }), _clock, NullLogger<ClaimRenewals>.Instance);
    }

    public void Dispose()
    {
        _renewals.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_held_claim_is_renewed_to_a_full_lease_from_now()
    {
        await ClaimedAsync("held");
        using var page = _renewals.Hold("held", Alice.Id);
        _clock.Advance(TimeSpan.FromMinutes(15));

        (await _renewals.RenewHeldAsync(CancellationToken.None)).Should().Be(1);

        (await _store.GetAsync("held"))!.Claim!.Until.Should().Be(_clock.GetUtcNow() + Lease);
    }

    [Fact]
    public async Task A_claim_stays_renewed_while_any_page_holds_it_and_lapses_after_the_last_closes()
    {
        await ClaimedAsync("two-tabs");
        var first = _renewals.Hold("two-tabs", Alice.Id);
        var second = _renewals.Hold("two-tabs", Alice.Id);

        first.Dispose();
        first.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(2));
        (await _renewals.RenewHeldAsync(CancellationToken.None)).Should().Be(1, "the second tab still holds the case");

        second.Dispose();
        _renewals.Held.Should().BeEmpty();
        _clock.Advance(Lease + TimeSpan.FromMinutes(1));
        (await _renewals.RenewHeldAsync(CancellationToken.None)).Should().Be(0);
        (await _store.GetAsync("two-tabs"))!.IsClaimedByOtherThan("oid-bob", _clock.GetUtcNow()).Should().BeFalse("nobody renews a closed page's claim");
    }

    [Fact]
    public async Task A_claim_released_or_decided_elsewhere_is_not_brought_back()
    {
        await ClaimedAsync("released");
        using var page = _renewals.Hold("released", Alice.Id);
        await _store.ReleaseAsync("released", Alice);

        (await _renewals.RenewHeldAsync(CancellationToken.None)).Should().Be(0);

        var stored = await _store.GetAsync("released");
        (stored!.Status, stored.Claim).Should().Be((ReviewStatus.Pending, (ClaimLease?)null));
    }

    private async Task ClaimedAsync(string id)
    {
        var now = _clock.GetUtcNow();
        await _store.RegisterAsync(EscalationTasks.Open(id, QueueName.Urgent, now, now.AddHours(1)));
        (await _store.ClaimAsync(id, Alice, now + Lease)).Applied.Should().BeTrue();
    }
}
