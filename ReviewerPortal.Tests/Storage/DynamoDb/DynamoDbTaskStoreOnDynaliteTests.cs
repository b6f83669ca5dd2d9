using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>The listing and claiming part of the task store contract against dynalite (no transactions, no TTL).</summary>
public sealed class DynamoDbTaskStoreOnDynaliteTests(DynaliteServer dynalite) : ReviewTaskQueueContract, IClassFixture<DynaliteServer>
{
    protected override async Task<IReviewTaskStore> CreateStoreAsync(TimeProvider time) =>
        (await ReviewTaskTable.CreateAsync(dynalite.Url, enableTtl: false)).Store(time);
}
