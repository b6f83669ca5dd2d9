using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.DynamoDb;

using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>What only the DynamoDB store does (the shared contract suite covers the rest): item layout, TTL, malformed items.</summary>
[Trait("Category", "Slow")]
public class DynamoDbTaskStoreTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly Reviewer Ada = new("u-ada", "Dr Ada");
    private static readonly Reviewer Ben = new("u-ben", "Dr Ben");

    internal static ReviewTask NewTask(string id, QueueName queue = QueueName.Urgent, int dueInMinutes = 60) => new()
    {
        Id = id,
        TaskToken = "token-" + id,
        ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:review:" + id,
        CaseId = "CASE-" + id,
        StudyDescription = "CT head",
        Modality = "CT",
        Urgency = queue == QueueName.Routine ? Urgency.Routine : Urgency.Urgent,
        Queue = queue,
        DraftLocation = $"s3://drafts/{id}.md",
        CreatedAt = Start,
        DueAt = Start.AddMinutes(dueInMinutes),
    };

    [Fact]
    public async Task A_task_written_by_the_review_gate_without_a_version_can_be_listed_and_claimed()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var store = table.Store(new FakeTimeProvider(Start));
        var item = ReviewTaskItem.ToItem(NewTask("gate-1"));
        item.Remove(ReviewTaskAttributes.Version);
        item.Remove(ReviewTaskAttributes.Status);
        await table.PutRawAsync(item);

        var page = await store.ListOpenAsync(QueueName.Urgent, 10, null);
        var claim = await store.ClaimAsync("gate-1", Ada, Start.AddMinutes(10));

        page.Items.Select(t => t.Id).Should().Equal("gate-1");
        claim.Applied.Should().BeTrue();
        claim.Task!.Version.Should().Be(1);
        (await store.GetAsync("gate-1"))!.Claim!.ReviewerId.Should().Be(Ada.Id);
    }

    [Fact]
    public async Task A_decision_leaves_the_queue_and_its_audit_entry_is_written_with_it()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var store = table.Store(new FakeTimeProvider(Start));
        await store.RegisterAsync(NewTask("d-1"));
        await store.ClaimAsync("d-1", Ada, Start.AddMinutes(10));

        var result = await store.RecordDecisionAsync("d-1", Approval(Ada));

        result.Applied.Should().BeTrue();
        (await store.ListOpenAsync(QueueName.Urgent, 10, null)).Items.Should().BeEmpty();
        (await store.ListDecidingAsync(10)).Select(t => t.Id).Should().Equal("d-1");
        (await table.AuditTrail().ListForTaskAsync("d-1")).Should().ContainSingle(e => e.Action == "decided" && e.ActorId == Ada.Id);
    }

    [Fact]
    public async Task A_second_reviewer_cannot_decide_a_task_held_under_a_live_claim_and_is_told_who_holds_it()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var store = table.Store(new FakeTimeProvider(Start));
        await store.RegisterAsync(NewTask("r-1"));
        await store.ClaimAsync("r-1", Ada, Start.AddMinutes(10));

        var result = await store.RecordDecisionAsync("r-1", Approval(Ben));

        result.Kind.Should().Be(StoreResultKind.Conflict);
        result.Task!.Claim!.ReviewerName.Should().Be("Dr Ada");
        (await table.AuditTrail().ListForTaskAsync("r-1")).Should().NotContain(a => a.Action == "decided", "a refused decision writes no audit entry");
    }

    [Fact]
    public async Task Ten_reviewers_deciding_one_task_at_once_leave_exactly_one_decision_and_one_audit_entry()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var store = table.Store(new FakeTimeProvider(Start));
        await store.RegisterAsync(NewTask("race-10"));
        var reviewers = Enumerable.Range(0, 10).Select(i => new Reviewer($"u-{i}", $"Dr {i}")).ToList();

        // Each claims then decides, as the review page does; only the holder's decision can land.
        var results = await Task.WhenAll(reviewers.Select(r => Task.Run(async () =>
        {
            await store.ClaimAsync("race-10", r, Start.AddMinutes(10));
            return await store.RecordDecisionAsync("race-10", Approval(r));
        })));

        results.Count(r => r.Applied).Should().Be(1);
        var winner = results.Single(r => r.Applied).Task!.Decision!.Reviewer;
        results.Where(r => !r.Applied).Should().OnlyContain(r => r.Task!.Decision == null || r.Task.Decision.Reviewer == winner);
        (await store.GetAsync("race-10"))!.Decision!.Reviewer.Should().Be(winner);
        (await table.AuditTrail().ListForTaskAsync("race-10")).Should().ContainSingle(e => e.Action == "decided");
    }

    [Fact]
    public async Task A_closed_task_gets_a_ttl_and_reads_as_gone_once_it_passed_even_before_dynamodb_deletes_it()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var clock = new FakeTimeProvider(Start);
        var store = table.Store(clock);
        await store.RegisterAsync(NewTask("x-1"));

        await store.MarkExpiredAsync("x-1", "TaskTimedOut");
        var raw = await table.Client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = ReviewTaskItem.Key("x-1") });
        clock.Advance(table.Options.ClosedTaskRetention + TimeSpan.FromSeconds(1));

        ReviewTaskItem.ExpiresAtOf(raw.Item).Should().Be(Start + table.Options.ClosedTaskRetention);
        raw.Item.Should().NotContainKey(ReviewTaskAttributes.OpenQueue);
        (await store.GetAsync("x-1")).Should().BeNull();
        (await table.AuditTrail().ListForTaskAsync("x-1")).Should().ContainSingle(e => e.Action == "expired", "audit entries outlive the task");
    }

    [Fact]
    public async Task A_malformed_item_is_skipped_from_its_queue_and_reported_for_operators_without_shortening_the_page()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: false);
        var clock = new FakeTimeProvider(Start);
        var malformed = ReviewTaskTable.Malformed(clock);
        var store = table.Store(clock, malformed);
        await store.RegisterAsync(NewTask("ok-1", dueInMinutes: 10));
        var bad = ReviewTaskItem.ToItem(NewTask("bad-1", dueInMinutes: 20));
        bad[ReviewTaskAttributes.Urgency] = new AttributeValue { S = "someday" };
        await table.PutRawAsync(bad);
        await store.RegisterAsync(NewTask("ok-2", dueInMinutes: 30));
        await store.RegisterAsync(NewTask("ok-3", dueInMinutes: 40));

        var first = await store.ListOpenAsync(QueueName.Urgent, 2, null);
        var second = await store.ListOpenAsync(QueueName.Urgent, 2, first.ContinuationToken);

        first.Items.Select(t => t.Id).Should().Equal("ok-1", "ok-2");
        second.Items.Select(t => t.Id).Should().Equal("ok-3");
        second.ContinuationToken.Should().BeNull();
        malformed.Current.Should().ContainSingle().Which.Should().Match<ReviewerPortal.Storage.MalformedTaskItemReport>(
            r => r.TaskId == "bad-1" && r.Problems.Contains("urgency is not one of urgent, routine"));
    }

    internal static Decision Approval(Reviewer reviewer) => new()
    {
        Outcome = DecisionOutcome.Approved,
        Reviewer = reviewer,
        DecidedAt = Start.AddMinutes(5),
        FinalReportLocation = "s3://reports/final.md",
        DraftSha256 = "aa",
        FinalSha256 = "bb",
    };
}
