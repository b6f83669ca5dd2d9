using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage;

/// <summary>
/// The part of the task store contract a queue page needs (registering, reading, listing, claiming, releasing, the
/// audit trail beside it), which needs no transactions: it also runs against dynalite. <see cref="ReviewTaskStoreContract"/>
/// adds decisions and expiry; every store must pass both. A subclass supplies a fresh, empty store per test that
/// reads "now" from the given clock.
/// </summary>
public abstract class ReviewTaskQueueContract : IAsyncLifetime
{
    /// <summary>Whole seconds: every store keeps at least millisecond precision.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    protected IReviewTaskStore Store { get; private set; } = null!;

    /// <summary>The audit trail on the same table or file as <see cref="Store"/>.</summary>
    protected IAuditTrail Audit { get; private set; } = null!;

    protected static Reviewer Alice { get; } = new("oid-alice", "Dr Alice Moreau");

    protected static Reviewer Bob { get; } = new("oid-bob", "Dr Bob Lindqvist");

    protected abstract Task<(IReviewTaskStore Tasks, IAuditTrail Audit)> CreateStoreAsync(TimeProvider time);

    public virtual async Task InitializeAsync() => (Store, Audit) = await CreateStoreAsync(Clock);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A pending task due <paramref name="dueInMinutes"/> from now, with every field set.</summary>
    protected ReviewTask NewTask(string id, QueueName queue = QueueName.Urgent, int dueInMinutes = 60) =>
        StoredTasks.Pending(id, Clock.GetUtcNow(), queue, dueInMinutes);

    protected async Task<ReviewTask> RegisteredAsync(string id, QueueName queue = QueueName.Urgent, int dueInMinutes = 60) =>
        await Store.RegisterAsync(NewTask(id, queue, dueInMinutes));

    protected async Task<List<ReviewTask>> ListAllOpenAsync(QueueName queue, int pageSize)
    {
        var all = new List<ReviewTask>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.ListOpenAsync(queue, pageSize, token);
            page.Items.Count.Should().BeLessThanOrEqualTo(pageSize);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
            (++pages).Should().BeLessThan(1000, "paging must end");
        }
        while (token is not null);

        return all;
    }

    /// <summary>Claims the task for the decision's reviewer, then records the decision: a decision needs the live claim.</summary>
    protected async Task<StoreResult> ClaimAndDecideAsync(string taskId, Decision decision)
    {
        await Store.ClaimAsync(taskId, decision.Reviewer, Clock.GetUtcNow().AddMinutes(15));
        return await Store.RecordDecisionAsync(taskId, decision);
    }

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
    public async Task A_registered_task_reads_back_with_every_field()
    {
        var task = NewTask("t-fields");

        await Store.RegisterAsync(task);
        var read = await Store.GetAsync("t-fields");

        read.Should().NotBeNull();
        read.Should().BeEquivalentTo(task, o => o.Excluding(t => t.Version));
        read!.Status.Should().Be(ReviewStatus.Pending);
        read.Version.Should().BePositive();
    }

    [Fact]
    public async Task Registering_the_same_id_again_keeps_the_first_task()
    {
        await Store.RegisterAsync(NewTask("t-twice"));

        var second = await Store.RegisterAsync(NewTask("t-twice") with { CaseId = "CASE-OTHER" });

        second.CaseId.Should().Be("CASE-t-twice");
        (await Store.GetAsync("t-twice"))!.CaseId.Should().Be("CASE-t-twice");
    }

    [Fact]
    public async Task An_unknown_id_reads_as_null()
    {
        (await Store.GetAsync("t-never-registered")).Should().BeNull();
    }

    [Fact]
    public async Task Open_tasks_list_by_due_time_within_the_asked_queue_only()
    {
        await RegisteredAsync("t-late", QueueName.Urgent, dueInMinutes: 50);
        await RegisteredAsync("t-soon", QueueName.Urgent, dueInMinutes: 10);
        await RegisteredAsync("t-overdue", QueueName.Urgent, dueInMinutes: -20);
        await RegisteredAsync("t-routine", QueueName.Routine, dueInMinutes: 1);

        var page = await Store.ListOpenAsync(QueueName.Urgent, 10, null);

        page.Items.Select(t => t.Id).Should().Equal("t-overdue", "t-soon", "t-late");
        page.ContinuationToken.Should().BeNull();
        (await Store.ListOpenAsync(QueueName.Escalation, 10, null)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Paging_returns_every_open_task_once_in_due_order_with_full_pages()
    {
        var expected = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            // Pairs share a due time, so the order must also be stable between equal due times.
            var id = $"t-page-{i:D2}";
            await RegisteredAsync(id, QueueName.Routine, dueInMinutes: 100 + (i / 2));
            expected.Add(id);
        }

        var first = await Store.ListOpenAsync(QueueName.Routine, 10, null);
        var all = await ListAllOpenAsync(QueueName.Routine, 10);

        first.Items.Should().HaveCount(10);
        first.ContinuationToken.Should().NotBeNull();
        all.Select(t => t.Id).Should().Equal(expected);
    }

    [Fact]
    public async Task A_page_sees_tasks_registered_after_the_previous_page_was_read()
    {
        await RegisteredAsync("t-a", QueueName.Urgent, 10);
        await RegisteredAsync("t-b", QueueName.Urgent, 20);
        var first = await Store.ListOpenAsync(QueueName.Urgent, 1, null);

        await RegisteredAsync("t-c", QueueName.Urgent, 30);
        var rest = new List<string>();
        for (var token = first.ContinuationToken; token is not null;)
        {
            var page = await Store.ListOpenAsync(QueueName.Urgent, 1, token);
            rest.AddRange(page.Items.Select(t => t.Id));
            token = page.ContinuationToken;
        }

        first.Items.Select(t => t.Id).Should().Equal("t-a");
        rest.Should().Equal("t-b", "t-c");
    }

    [Fact]
    public async Task A_continuation_token_the_store_did_not_issue_is_rejected()
    {
        await RegisteredAsync("t-token");

        var act = () => Store.ListOpenAsync(QueueName.Urgent, 10, "not-a-token!!");

        await act.Should().ThrowAsync<ArgumentException>();
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
        await Audit.AppendAsync(new AuditEntry("t-audit", at, Alice.Id, Alice.DisplayName, "claimed", null));
        await Audit.AppendAsync(new AuditEntry("t-audit", at, Alice.Id, Alice.DisplayName, "released", "handover"));
        await Audit.AppendAsync(new AuditEntry("t-other", at, Bob.Id, Bob.DisplayName, "claimed", null));

        var audit = await Audit.ListForTaskAsync("t-audit");

        audit.Select(a => a.Action).Should().Equal("claimed", "released");
        audit[1].Should().Be(new AuditEntry("t-audit", at, Alice.Id, Alice.DisplayName, "released", "handover"));
    }
}
