using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage;

/// <summary>
/// What every <see cref="IReviewTaskStore"/> must do (SQLite in Local mode, DynamoDB in Aws mode): the queue part of
/// <see cref="ReviewTaskQueueContract"/> plus decisions and expiry (which DynamoDB writes in transactions).
/// </summary>
public abstract partial class ReviewTaskStoreContract : ReviewTaskQueueContract
{
    [Fact]
    public async Task Claimed_tasks_stay_listed_while_closed_ones_drop_out()
    {
        await RegisteredAsync("t-pending", dueInMinutes: 10);
        await RegisteredAsync("t-claimed", dueInMinutes: 20);
        await RegisteredAsync("t-deciding", dueInMinutes: 30);
        await RegisteredAsync("t-decided", dueInMinutes: 40);
        await RegisteredAsync("t-expired", dueInMinutes: 50);
        await Store.ClaimAsync("t-claimed", Alice, Clock.GetUtcNow().AddMinutes(15));
        await ClaimAndDecideAsync("t-deciding", Approval(Alice));
        await ClaimAndDecideAsync("t-decided", Approval(Alice));
        await Store.CompleteDecisionAsync("t-decided");
        await Store.MarkExpiredAsync("t-expired", "TaskTimedOut");

        var open = await ListAllOpenAsync(QueueName.Urgent, 10);

        open.Select(t => t.Id).Should().Equal("t-pending", "t-claimed");
        open[1].Status.Should().Be(ReviewStatus.Claimed);
        open[1].Claim!.ReviewerName.Should().Be(Alice.DisplayName);
    }
}
