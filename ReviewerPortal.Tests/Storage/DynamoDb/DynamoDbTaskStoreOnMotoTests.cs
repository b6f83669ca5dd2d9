using ReviewerPortal.Audit;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>The whole task store contract against moto's DynamoDB (transactions, TTL), one fresh table per test.</summary>
[Trait("Category", "Slow")]
public sealed class DynamoDbTaskStoreOnMotoTests(MotoServer moto) : ReviewTaskStoreContract, IClassFixture<MotoServer>
{
    protected override async Task<(IReviewTaskStore Tasks, IAuditTrail Audit)> CreateStoreAsync(TimeProvider time)
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        return (table.Store(time), table.AuditTrail());
    }
}
