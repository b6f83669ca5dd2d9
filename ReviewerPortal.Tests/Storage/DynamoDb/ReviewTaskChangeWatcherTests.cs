using System.Threading.Channels;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage.S3;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

[Trait("Category", "Slow")]
public class ReviewTaskChangeWatcherTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Two_portal_instances_sharing_one_table_see_each_others_changes()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var bucket = await DraftBucket.CreateAsync(moto.Url);
        var settings = AwsModeSettings.For(moto.Url, table.Name, bucket.Name);
        settings["Aws:ChangeWatchInterval"] = "00:00:01";
        await using var writer = new AwsModePortalApp(settings);
        await using var watcher = new AwsModePortalApp(settings);
        var seen = Channel.CreateUnbounded<ReviewTaskChanged>();
        using var subscription = watcher.GetRequiredService<ReviewTaskChanges>().Subscribe(change => seen.Writer.WriteAsync(change).AsTask());
        var store = writer.GetRequiredService<IReviewTaskStore>();
        var now = DateTimeOffset.UtcNow;
        // The watcher's first read is its baseline: only what changes after it is published.
        var hosted = watcher.GetRequiredService<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>();
        await hosted.OfType<ReviewerPortal.Storage.DynamoDb.ReviewTaskChangeWatcher>().Single().BaselineRead.WaitAsync(TimeSpan.FromSeconds(20));

        await store.RegisterAsync(DynamoDbTaskStoreTests.NewTask("t-shared", QueueName.Routine) with { CreatedAt = now, DueAt = now.AddHours(1) });
        (await NextAsync(seen)).Should().Be(new ReviewTaskChanged("t-shared", QueueName.Routine, ReviewStatus.Pending));

        await store.ClaimAsync("t-shared", new Reviewer("u-1", "Dr One"), now.AddMinutes(30));
        (await NextAsync(seen)).Status.Should().Be(ReviewStatus.Claimed);

        await store.RecordDecisionAsync("t-shared", DynamoDbTaskStoreTests.Approval(new Reviewer("u-1", "Dr One")) with { DecidedAt = now });
        (await NextAsync(seen)).Status.Should().Be(ReviewStatus.Deciding);

        await store.CompleteDecisionAsync("t-shared");
        (await NextAsync(seen)).Status.Should().Be(ReviewStatus.Decided, "a task gone from the index is read once to tell how it closed");
    }

    private static async Task<ReviewTaskChanged> NextAsync(Channel<ReviewTaskChanged> seen)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await seen.Reader.ReadAsync(timeout.Token);
    }
}
