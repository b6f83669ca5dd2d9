using ReviewerPortal.Audit;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>
/// The listing part of the task store contract against dynalite. Claims, like decisions, write their audit entry in a
/// transaction, which dynalite lacks (no TransactWriteItems, no TTL): those run on moto.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DynamoDbTaskStoreOnDynaliteTests(DynaliteServer dynalite) : ReviewTaskQueueContract, IClassFixture<DynaliteServer>
{
    protected override async Task<(IReviewTaskStore Tasks, IAuditTrail Audit)> CreateStoreAsync(TimeProvider time)
    {
        var table = await ReviewTaskTable.CreateAsync(dynalite.Url, enableTtl: false);
        return (table.Store(time), table.AuditTrail());
    }
}
