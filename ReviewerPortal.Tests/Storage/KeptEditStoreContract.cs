using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage;

/// <summary>
/// What every <see cref="IKeptEditStore"/> must do (SQLite in Local mode, the review-tasks table in Aws mode): keep
/// each reviewer's edit of each task exactly, up to 1 MiB, refuse more whole, and forget it once the task is decided.
/// A subclass supplies a fresh task store and kept-edit store over the same storage, reading "now" from the clock.
/// </summary>
public abstract class KeptEditStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    protected IReviewTaskStore Tasks { get; private set; } = null!;

    protected IKeptEditStore Edits { get; private set; } = null!;

    protected static Reviewer Alice { get; } = new("oid-alice", "Dr Alice Moreau");

    protected static Reviewer Bob { get; } = new("oid-bob", "Dr Bob Lindqvist");

    protected abstract Task<(IReviewTaskStore Tasks, IKeptEditStore Edits)> CreateStoresAsync(TimeProvider time);

    public virtual async Task InitializeAsync() => (Tasks, Edits) = await CreateStoresAsync(Clock);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_edit_reads_back_exactly_and_a_later_one_replaces_it()
    {
        const string first = "CT head: no acute haemorrhage. ± 2 mm, µ-calcification, naïve café 🩻.\r\nImpression: normal.";
        await Edits.KeepAsync(Alice.Id, "t-1", first);
        (await Edits.FindAsync(Alice.Id, "t-1")).Should().Be(first);

        await Edits.KeepAsync(Alice.Id, "t-1", "Impression: small subdural.");
        (await Edits.FindAsync(Alice.Id, "t-1")).Should().Be("Impression: small subdural.");
    }

    [Fact]
    public async Task Each_reviewer_and_task_has_its_own_edit()
    {
        await Edits.KeepAsync(Alice.Id, "t-1", "Alice on t-1");
        await Edits.KeepAsync(Bob.Id, "t-1", "Bob on t-1");
        await Edits.KeepAsync(Alice.Id, "t-2", "Alice on t-2");

        (await Edits.FindAsync(Alice.Id, "t-1")).Should().Be("Alice on t-1");
        (await Edits.FindAsync(Bob.Id, "t-1")).Should().Be("Bob on t-1");
        (await Edits.FindAsync(Alice.Id, "t-2")).Should().Be("Alice on t-2");
        (await Edits.FindAsync(Bob.Id, "t-2")).Should().BeNull();
    }

    [Fact]
    public async Task A_reviewer_id_that_extends_another_does_not_read_its_edit()
    {
        await Edits.KeepAsync("oid-alice#2", "t-1", "the other Alice");

        (await Edits.FindAsync("oid-alice", "t-1")).Should().BeNull();
        (await Edits.FindAsync("oid-alice#2", "t-1")).Should().Be("the other Alice");
    }

    [Fact]
    public async Task An_edit_of_exactly_one_mebibyte_is_kept_whole_and_a_short_one_after_it_reads_alone()
    {
        // Multi-byte characters across the whole text: no part boundary may cut one.
        var unit = "Findings: µ-calcification 🩻 naïve. ";
        var units = ApprovedReport.MaxBytes / Encoding.UTF8.GetByteCount(unit);
        var text = new StringBuilder().Insert(0, unit, units);
        text.Append('x', ApprovedReport.MaxBytes - (units * Encoding.UTF8.GetByteCount(unit)));
        var large = text.ToString();
        Encoding.UTF8.GetByteCount(large).Should().Be(ApprovedReport.MaxBytes);

        await Edits.KeepAsync(Alice.Id, "t-big", large);
        (await Edits.FindAsync(Alice.Id, "t-big")).Should().Be(large);

        await Edits.KeepAsync(Alice.Id, "t-big", "Short again.");
        (await Edits.FindAsync(Alice.Id, "t-big")).Should().Be("Short again.");
    }

    [Fact]
    public async Task An_edit_over_one_mebibyte_is_refused_with_a_reason_and_the_kept_one_stays()
    {
        await Edits.KeepAsync(Alice.Id, "t-1", "The edit before the paste.");

        var refused = async () => await Edits.KeepAsync(Alice.Id, "t-1", new string('a', ApprovedReport.MaxBytes + 1));

        (await refused.Should().ThrowAsync<KeptEditTooLargeException>()).Which.Message.Should().Contain("1 MiB").And.Contain("shorten it");
        (await Edits.FindAsync(Alice.Id, "t-1")).Should().Be("The edit before the paste.");
    }

    [Fact]
    public async Task Forgetting_removes_only_that_reviewers_edit_and_forgetting_a_task_removes_all_of_its_edits()
    {
        await Edits.KeepAsync(Alice.Id, "t-1", "Alice on t-1");
        await Edits.KeepAsync(Bob.Id, "t-1", "Bob on t-1");
        await Edits.KeepAsync(Alice.Id, "t-2", "Alice on t-2");

        await Edits.ForgetAsync(Alice.Id, "t-1");
        (await Edits.FindAsync(Alice.Id, "t-1")).Should().BeNull();
        (await Edits.FindAsync(Bob.Id, "t-1")).Should().Be("Bob on t-1");

        await Edits.ForgetTaskAsync("t-1");
        (await Edits.FindAsync(Bob.Id, "t-1")).Should().BeNull();
        (await Edits.FindAsync(Alice.Id, "t-2")).Should().Be("Alice on t-2");
    }

    [Fact]
    public async Task Once_the_task_is_decided_no_edit_of_it_is_restored()
    {
        var task = await Tasks.RegisterAsync(NewTask("t-decided"));
        await Edits.KeepAsync(Alice.Id, task.Id, "Alice's edit");
        await Edits.KeepAsync(Bob.Id, task.Id, "Bob's edit, his claim lost");
        await Tasks.ClaimAsync(task.Id, Alice, Clock.GetUtcNow().AddMinutes(15));
        (await Tasks.RecordDecisionAsync(task.Id, Approval(Alice))).Applied.Should().BeTrue();
        var kept = new KeptEdits(Edits, NullLogger<KeptEdits>.Instance);

        var decided = (await Tasks.GetAsync(task.Id))!;

        (await kept.FindAsync(Alice.Id, decided)).Should().BeNull();
        (await Edits.FindAsync(Bob.Id, task.Id)).Should().BeNull("reading a closed task's edit forgets every edit of it");
    }

    private ReviewTask NewTask(string id) => StoredTasks.Pending(id, Clock.GetUtcNow());

    private Decision Approval(Reviewer reviewer) => new()
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
}
