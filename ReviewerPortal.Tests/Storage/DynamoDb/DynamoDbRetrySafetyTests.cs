using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.DynamoDb;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>
/// A DynamoDB request whose answer is lost (moto or AWS applied it, the client never heard) is retried by the SDK. That
/// retry is a legitimate path only because a decision's write is conditional: it cannot apply twice, and the store
/// recognises its own landed write instead of reporting a conflict to the reviewer who won.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DynamoDbRetrySafetyTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly Reviewer Alice = new("oid-alice", "Dr Alice Moreau");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_decision_whose_answer_was_lost_is_retried_by_the_sdk_applied_once_and_reported_as_applied()
    {
        var lost = new LostResponses("TransactWriteItems");
        var (store, audit) = await StoreAsync(lost);
        await store.RegisterAsync(NewTask("t-lost"));
        await store.ClaimAsync("t-lost", Alice, _clock.GetUtcNow().AddMinutes(15));
        var decision = new Decision { Outcome = DecisionOutcome.Rejected, Reviewer = Alice, DecidedAt = _clock.GetUtcNow(), Reason = "Wrong side." };

        var result = await store.RecordDecisionAsync("t-lost", decision);

        lost.Lost.Should().Be(1, "the first answer was dropped after moto applied the transaction");
        lost.Sent.Should().BeGreaterThan(1, "the SDK sent the transaction again");
        result.Kind.Should().Be(StoreResultKind.Applied, "the reviewer who won is not told of a conflict with themselves");
        var stored = await store.GetAsync("t-lost");
        stored!.Status.Should().Be(ReviewStatus.Deciding);
        stored.Decision.Should().BeEquivalentTo(decision);
        (await audit.ListForTaskAsync("t-lost")).Count(a => a.Action == "decided").Should().Be(1, "the retry did not apply a second time");
    }

    [Fact]
    public async Task A_lost_answer_does_not_let_a_second_reviewer_decide_after_the_first_won()
    {
        var lost = new LostResponses("TransactWriteItems");
        var (store, audit) = await StoreAsync(lost);
        await store.RegisterAsync(NewTask("t-lost-2"));
        await store.ClaimAsync("t-lost-2", Alice, _clock.GetUtcNow().AddMinutes(15));
        var first = new Decision { Outcome = DecisionOutcome.Rejected, Reviewer = Alice, DecidedAt = _clock.GetUtcNow(), Reason = "Wrong side." };
        (await store.RecordDecisionAsync("t-lost-2", first)).Kind.Should().Be(StoreResultKind.Applied);

        var again = first with { Reason = "Changed my mind." };
        var second = await store.RecordDecisionAsync("t-lost-2", again);

        second.Kind.Should().Be(StoreResultKind.Conflict, "only one decision per task, whatever the retries");
        (await store.GetAsync("t-lost-2"))!.Decision!.Reason.Should().Be("Wrong side.");
        (await audit.ListForTaskAsync("t-lost-2")).Count(a => a.Action == "decided").Should().Be(1);
    }

    private async Task<(DynamoDbTaskStore Store, DynamoDbAuditTrail Audit)> StoreAsync(LostResponses lost)
    {
        var options = new AwsOptions
        {
            Region = "us-east-1",
            TableName = "review-tasks-" + Guid.NewGuid().ToString("N")[..8],
            DraftBucket = "unused",
            ServiceUrls = { DynamoDb = moto.Url },
        };
        var config = AwsClientConfigs.DynamoDb(options);
        config.HttpClientFactory = lost;
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("testing", "testing"), config);
        await ReviewTaskTableDefinition.CreateAsync(client, options.TableName!, enableTtl: false);
        var settings = Microsoft.Extensions.Options.Options.Create(options);
        return (new DynamoDbTaskStore(client, settings, _clock, ReviewTaskTable.Malformed(_clock), new ReviewTaskChanges()), new DynamoDbAuditTrail(client, settings));
    }

    private ReviewTask NewTask(string id) => StoredTasks.Pending(id, _clock.GetUtcNow());
}
