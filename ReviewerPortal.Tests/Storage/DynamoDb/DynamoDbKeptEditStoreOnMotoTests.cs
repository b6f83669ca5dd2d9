using ReviewerPortal.Review;
using ReviewerPortal.Storage.DynamoDb;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>
/// The kept-edit contract against moto's DynamoDB, one fresh table per test. A kept edit is written in one
/// transaction, which dynalite lacks: like decisions, it runs on moto only.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DynamoDbKeptEditStoreOnMotoTests(MotoServer moto) : KeptEditStoreContract, IClassFixture<MotoServer>
{
    private ReviewTaskTable _table = null!;

    protected override async Task<(IReviewTaskStore Tasks, IKeptEditStore Edits)> CreateStoresAsync(TimeProvider time)
    {
        _table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        return (_table.Store(time), EditStore(time));
    }

    private DynamoDbKeptEditStore EditStore(TimeProvider time) =>
        new(_table.Client, Microsoft.Extensions.Options.Options.Create(_table.Options), time);

    [Fact]
    public async Task An_edit_past_its_ttl_is_not_restored_before_dynamodb_deletes_it()
    {
        await Edits.KeepAsync(Alice.Id, "t-1", "Left for months.");

        Clock.Advance(_table.Options.ClosedTaskRetention + TimeSpan.FromMinutes(1));

        (await Edits.FindAsync(Alice.Id, "t-1")).Should().BeNull();
    }

    [Fact]
    public async Task Edits_share_the_task_partition_without_disturbing_the_task()
    {
        var task = await _table.Store(Clock).RegisterAsync(DynamoDbTaskStoreTests.NewTask("t-shared"));
        await Edits.KeepAsync(Alice.Id, task.Id, "An edit beside the task item.");

        (await _table.Store(Clock).GetAsync(task.Id)).Should().BeEquivalentTo(task);
    }
}
