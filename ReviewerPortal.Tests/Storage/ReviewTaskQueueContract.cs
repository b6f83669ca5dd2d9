using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage;

/// <summary>
/// The part of the task store contract a queue page needs (registering, reading, listing, claiming, releasing, the
/// audit trail), which needs no transactions: it also runs against dynalite. <see cref="ReviewTaskStoreContract"/>
/// adds decisions and expiry; every store must pass both. A subclass supplies a fresh, empty store per test that
/// reads "now" from the given clock.
/// </summary>
public abstract class ReviewTaskQueueContract : IAsyncLifetime
{
    /// <summary>Whole seconds: every store keeps at least millisecond precision.</summary>
    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    protected IReviewTaskStore Store { get; private set; } = null!;

    protected static Reviewer Alice { get; } = new("oid-alice", "Dr Alice Moreau");

    protected static Reviewer Bob { get; } = new("oid-bob", "Dr Bob Lindqvist");

    protected abstract Task<IReviewTaskStore> CreateStoreAsync(TimeProvider time);

    public virtual async Task InitializeAsync() => Store = await CreateStoreAsync(Clock);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A pending task due <paramref name="dueInMinutes"/> from now, with every field set.</summary>
    protected ReviewTask NewTask(string id, QueueName queue = QueueName.Urgent, int dueInMinutes = 60) => new()
    {
        Id = id,
        TaskToken = "AQCEAAAAKgAAAAMAAAAA" + id,
        ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:review-urgent:" + id,
        CaseId = "CASE-" + id,
        StudyDescription = "CT head without contrast",
        Modality = "CT",
        Urgency = queue == QueueName.Routine ? Urgency.Routine : Urgency.Urgent,
        Queue = queue,
        DraftLocation = $"s3://reviewer-portal-drafts/{id}/draft.md",
        CreatedAt = Clock.GetUtcNow().AddMinutes(-5),
        DueAt = Clock.GetUtcNow().AddMinutes(dueInMinutes),
        Attempt = 2,
    };

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
