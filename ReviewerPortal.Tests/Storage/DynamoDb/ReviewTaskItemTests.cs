using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.DynamoDb;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

public class ReviewTaskItemTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 3, 4, 5, 120, TimeSpan.Zero);

    /// <summary>An item exactly as the review gate's putItem writes it: strings only, no status, no version.</summary>
    private static Dictionary<string, AttributeValue> GateItem() => new()
    {
        [ReviewTaskAttributes.PartitionKey] = new() { S = "TASK#t-1" },
        [ReviewTaskAttributes.SortKey] = new() { S = "TASK" },
        [ReviewTaskAttributes.TaskId] = new() { S = "t-1" },
        [ReviewTaskAttributes.TaskToken] = new() { S = "secret-token" },
        [ReviewTaskAttributes.ExecutionArn] = new() { S = "arn:aws:states:us-east-1:123456789012:execution:review:case-7" },
        [ReviewTaskAttributes.CaseId] = new() { S = "CASE-7" },
        [ReviewTaskAttributes.StudyDescription] = new() { S = "CT head without contrast" },
        [ReviewTaskAttributes.Modality] = new() { S = "CT" },
        [ReviewTaskAttributes.Urgency] = new() { S = "urgent" },
        [ReviewTaskAttributes.Queue] = new() { S = "urgent" },
        [ReviewTaskAttributes.OpenQueue] = new() { S = "urgent" },
        [ReviewTaskAttributes.DraftUri] = new() { S = "s3://drafts/case-7.md" },
        [ReviewTaskAttributes.CreatedAt] = new() { S = "2026-11-22T03:04:05.120Z" },
        [ReviewTaskAttributes.DueAt] = new() { S = "2026-11-22T04:04:05Z" },
        [ReviewTaskAttributes.Attempt] = new() { S = "2" },
    };

    [Fact]
    public void An_item_written_by_the_review_gate_reads_as_a_pending_task()
    {
        var task = ReviewTaskItem.FromItem(GateItem());

        task.Id.Should().Be("t-1");
        task.TaskToken.Should().Be("secret-token");
        task.Urgency.Should().Be(Urgency.Urgent);
        task.Queue.Should().Be(QueueName.Urgent);
        task.Status.Should().Be(ReviewStatus.Pending);
        task.CreatedAt.Should().Be(Created);
        task.DueAt.Should().Be(new DateTimeOffset(2026, 11, 22, 4, 4, 5, TimeSpan.Zero));
        task.Attempt.Should().Be(2);
        task.Version.Should().Be(0);
        task.Claim.Should().BeNull();
        task.Decision.Should().BeNull();
    }

    [Fact]
    public void A_claimed_and_decided_task_survives_a_round_trip_through_an_item()
    {
        var task = ReviewTaskItem.FromItem(GateItem()) with
        {
            Status = ReviewStatus.Deciding,
            Version = 4,
            Claim = new ClaimLease("u-1", "Dr Ada", Created.AddMinutes(15)),
            Decision = new Decision
            {
                Outcome = DecisionOutcome.Rejected,
                Reviewer = new Reviewer("u-1", "Dr Ada"),
                DecidedAt = Created.AddMinutes(3),
                Reason = "Wrong laterality",
                EditedFromDraft = true,
                DraftSha256 = "ab",
            },
        };

        var item = ReviewTaskItem.ToItem(task);

        ReviewTaskItem.FromItem(item).Should().BeEquivalentTo(task);
        item[ReviewTaskAttributes.OpenQueue].S.Should().Be(ReviewTaskAttributes.DecidingQueue, "a task being decided leaves its clinical queue");
    }

    [Theory]
    [InlineData(ReviewStatus.Pending, "routine")]
    [InlineData(ReviewStatus.Claimed, "routine")]
    [InlineData(ReviewStatus.Deciding, ReviewTaskAttributes.DecidingQueue)]
    [InlineData(ReviewStatus.Decided, null)]
    [InlineData(ReviewStatus.Expired, null)]
    public void Only_open_tasks_carry_their_queue_as_the_index_key(ReviewStatus status, string? openQueue)
    {
        var task = ReviewTaskItem.FromItem(GateItem()) with { Queue = QueueName.Routine, Status = status };

        var item = ReviewTaskItem.ToItem(task);

        item.TryGetValue(ReviewTaskAttributes.OpenQueue, out var value).Should().Be(openQueue is not null);
        value?.S.Should().Be(openQueue);
    }

    [Fact]
    public void A_closed_task_carries_its_expiry_in_epoch_seconds()
    {
        var task = ReviewTaskItem.FromItem(GateItem()) with { Status = ReviewStatus.Decided };
        var expires = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var item = ReviewTaskItem.ToItem(task, expires);

        item[ReviewTaskAttributes.ExpiresAt].N.Should().Be("1798761600");
        ReviewTaskItem.ExpiresAtOf(item).Should().Be(expires);
    }

    [Fact]
    public void A_missing_token_is_named_in_the_error_with_the_task_id()
    {
        var item = GateItem();
        item.Remove(ReviewTaskAttributes.TaskToken);

        var act = () => ReviewTaskItem.FromItem(item);

        act.Should().Throw<MalformedTaskItemException>()
            .Where(e => e.TaskId == "t-1")
            .WithMessage("*t-1*taskToken is missing*");
    }

    [Fact]
    public void An_unknown_urgency_is_named_without_quoting_the_value()
    {
        var item = GateItem();
        item[ReviewTaskAttributes.Urgency] = new AttributeValue { S = "whenever" };

        var act = () => ReviewTaskItem.FromItem(item);

        act.Should().Throw<MalformedTaskItemException>()
            .Which.Problems.Should().Equal("urgency is not one of urgent, routine");
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-22")]
    [InlineData("2026-11-22T04:04:05")]
    [InlineData("2026-13-40T04:04:05Z")]
    public void A_timestamp_that_is_not_iso_8601_with_a_zone_is_refused(string dueAt)
    {
        var item = GateItem();
        item[ReviewTaskAttributes.DueAt] = new AttributeValue { S = dueAt };

        ReviewTaskItem.TryFromItem(item, out var task, out var error).Should().BeFalse();

        task.Should().BeNull();
        error!.Problems.Should().Equal("dueAt is not an ISO-8601 timestamp with a zone");
    }

    [Fact]
    public void Every_fault_of_an_item_is_reported_at_once_and_no_value_leaks_into_the_message()
    {
        var item = GateItem();
        item.Remove(ReviewTaskAttributes.TaskToken);
        item[ReviewTaskAttributes.Queue] = new AttributeValue { S = "CASE-7 secret" };
        item[ReviewTaskAttributes.CreatedAt] = new AttributeValue { N = "12" };

        var error = Assert.Throws<MalformedTaskItemException>(() => ReviewTaskItem.FromItem(item));

        error.Problems.Should().BeEquivalentTo("taskToken is missing", "queue is not one of urgent, routine, escalation", "createdAt is not a string");
        error.Message.Should().NotContain("CASE-7").And.NotContain("secret");
    }

    [Fact]
    public void An_item_without_a_task_key_or_id_is_malformed_and_has_no_id()
    {
        var item = GateItem();
        item[ReviewTaskAttributes.PartitionKey] = new AttributeValue { S = "AUDIT#2026-11-22" };
        item.Remove(ReviewTaskAttributes.TaskId);

        var error = Assert.Throws<MalformedTaskItemException>(() => ReviewTaskItem.FromItem(item));

        error.TaskId.Should().BeNull();
        error.Message.Should().Contain("(without an id)");
    }

    [Fact]
    public void Stored_timestamps_sort_as_text_in_time_order()
    {
        var times = new[] { Created, Created.AddTicks(5), Created.AddMilliseconds(1), Created.AddHours(-30), Created.AddYears(1) };

        var byText = times.OrderBy(IsoTimestamp.Format, StringComparer.Ordinal).Select(IsoTimestamp.Format);

        byText.Should().Equal(times.Order().Select(IsoTimestamp.Format));
        IsoTimestamp.Format(Created.ToOffset(TimeSpan.FromHours(2))).Should().Be("2026-11-22T03:04:05.1200000Z");
    }
}
