using Microsoft.Data.Sqlite;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage.Sqlite;

public sealed class SqliteKeptEditStoreTests : KeptEditStoreContract
{
    private readonly TempDirectory _folder = new();

    private string DatabaseFile => _folder.File("portal.db");

    protected override Task<(IReviewTaskStore Tasks, IKeptEditStore Edits)> CreateStoresAsync(TimeProvider time)
    {
        var database = new SqliteDatabase(DatabaseFile);
        return Task.FromResult<(IReviewTaskStore, IKeptEditStore)>((new SqliteReviewTaskStore(database, new ReviewTaskChanges(), time), new SqliteKeptEditStore(database, time)));
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_edit_survives_reopening_the_file_as_a_restarted_portal_does()
    {
        await Edits.KeepAsync(Alice.Id, "t-1", "Typed before the redeploy.");
        SqliteConnection.ClearAllPools();

        var reopened = new SqliteKeptEditStore(new SqliteDatabase(DatabaseFile), Clock);

        (await reopened.FindAsync(Alice.Id, "t-1")).Should().Be("Typed before the redeploy.");
    }

    [Fact]
    public async Task Closing_a_task_in_the_store_forgets_its_edits_in_the_same_write()
    {
        var open = await Tasks.RegisterAsync(new ReviewTask
        {
            Id = "t-expiring",
            TaskToken = "token",
            ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:review-urgent:t-expiring",
            CaseId = "CASE-1",
            StudyDescription = "CT head",
            Modality = "CT",
            Urgency = Urgency.Urgent,
            Queue = QueueName.Urgent,
            DraftLocation = "s3://reviewer-portal-drafts/t-expiring/draft.md",
            CreatedAt = Clock.GetUtcNow(),
            DueAt = Clock.GetUtcNow().AddHours(1),
            Attempt = 1,
        });
        await Edits.KeepAsync(Alice.Id, open.Id, "Unsent when the gate timed out.");

        (await Tasks.MarkExpiredAsync(open.Id, "the gate timed out")).Applied.Should().BeTrue();

        // Read from the store itself, not through KeptEdits: no reader had to notice the close.
        (await Edits.FindAsync(Alice.Id, open.Id)).Should().BeNull();
    }

    [Fact]
    public async Task A_database_from_before_durable_kept_edits_gains_the_table_and_keeps_its_tasks()
    {
        await Tasks.RegisterAsync(new ReviewTask
        {
            Id = "t-old",
            TaskToken = "token",
            ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:review-urgent:t-old",
            CaseId = "CASE-1",
            StudyDescription = "CT head",
            Modality = "CT",
            Urgency = Urgency.Urgent,
            Queue = QueueName.Urgent,
            DraftLocation = "s3://reviewer-portal-drafts/t-old/draft.md",
            CreatedAt = Clock.GetUtcNow(),
            DueAt = Clock.GetUtcNow().AddHours(1),
            Attempt = 1,
        });
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            // The file as the previous release left it: no kept_edits table, no trigger.
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TRIGGER kept_edits_forgotten_on_close; DROP TABLE kept_edits;";
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var database = new SqliteDatabase(DatabaseFile);
        var edits = new SqliteKeptEditStore(database, Clock);

        await edits.KeepAsync(Alice.Id, "t-old", "Kept after the upgrade.");

        (await edits.FindAsync(Alice.Id, "t-old")).Should().Be("Kept after the upgrade.");
        (await new SqliteReviewTaskStore(database, new ReviewTaskChanges(), Clock).GetAsync("t-old")).Should().NotBeNull();
    }
}
