using Microsoft.Data.Sqlite;
using ReviewerPortal.Audit;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage.Sqlite;

public sealed class SqliteReviewTaskStoreTests : ReviewTaskStoreContract
{
    private readonly TempDirectory _folder = new();
    private readonly ReviewTaskChanges _changes = new();

    private string DatabaseFile => _folder.File("tasks.db");

    protected override Task<(IReviewTaskStore Tasks, IAuditTrail Audit)> CreateStoreAsync(TimeProvider time)
    {
        var database = new SqliteDatabase(DatabaseFile);
        return Task.FromResult<(IReviewTaskStore, IAuditTrail)>((new SqliteReviewTaskStore(database, _changes, time), new SqliteAuditTrail(database)));
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Tasks_survive_reopening_the_file()
    {
        await RegisteredAsync("t-durable");
        await Store.ClaimAsync("t-durable", Alice, Clock.GetUtcNow().AddMinutes(15));
        SqliteConnection.ClearAllPools();

        var reopened = new SqliteReviewTaskStore(new SqliteDatabase(DatabaseFile), new ReviewTaskChanges(), Clock);

        (await reopened.GetAsync("t-durable"))!.Claim!.ReviewerId.Should().Be(Alice.Id);
    }

    [Fact]
    public async Task A_database_from_before_first_arrival_was_kept_gains_the_column_and_keeps_its_tasks()
    {
        await RegisteredAsync("t-old");
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            // The file as the previous release left it: no first_arrived_at column.
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE review_tasks DROP COLUMN first_arrived_at";
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();

        var upgraded = new SqliteReviewTaskStore(new SqliteDatabase(DatabaseFile), new ReviewTaskChanges(), Clock);
        var old = await upgraded.GetAsync("t-old");
        old!.FirstArrivedAt.Should().BeNull("the old row never knew it");
        old.ArrivedAt.Should().Be(old.CreatedAt, "without it a task arrived when its item was written");
        await upgraded.RegisterAsync(NewTask("t-new"));
        (await upgraded.GetAsync("t-new"))!.FirstArrivedAt.Should().Be(Clock.GetUtcNow().AddMinutes(-95));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        await RegisteredAsync("t-wal");

        (await ScalarAsync("PRAGMA journal_mode")).Should().Be("wal");
    }

    [Fact]
    public async Task Committed_changes_are_published_to_open_pages()
    {
        var seen = new List<ReviewTaskChanged>();
        using var subscription = _changes.Subscribe(change =>
        {
            lock (seen)
            {
                seen.Add(change);
            }

            return Task.CompletedTask;
        });

        await RegisteredAsync("t-live", QueueName.Routine);
        await Store.ClaimAsync("t-live", Alice, Clock.GetUtcNow().AddMinutes(15));
        await Store.ClaimAsync("t-live", Bob, Clock.GetUtcNow().AddMinutes(15));
        await Store.RecordDecisionAsync("t-live", Approval(Alice));

        seen.Should().Equal(
            new ReviewTaskChanged("t-live", QueueName.Routine, ReviewStatus.Pending),
            new ReviewTaskChanged("t-live", QueueName.Routine, ReviewStatus.Claimed),
            new ReviewTaskChanged("t-live", QueueName.Routine, ReviewStatus.Deciding));
    }

    [Fact]
    public async Task Listing_a_queue_page_is_one_range_scan_of_the_queue_index_without_sorting()
    {
        var task = await RegisteredAsync("t-plan");
        var token = new KeysetToken(task.DueAt.UtcTicks, "t-plan").Encode();
        var page = await Store.ListOpenAsync(QueueName.Urgent, 1, token);
        page.Items.Should().BeEmpty();

        var plan = await ScalarAsync(
            "EXPLAIN QUERY PLAN " + SqliteReviewTaskStore.ListOpenSql(afterKey: true),
            column: 3,
            ("$queue", "urgent"),
            ("$after_due", task.DueAt.UtcTicks),
            ("$after_id", "t-plan"),
            ("$limit", 26));

        plan.Should().Contain("USING INDEX ix_review_tasks_queue_open_due").And.Contain("due_at").And.NotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task The_audit_trail_refuses_updates_and_deletes()
    {
        await RegisteredAsync("t-append-only");
        await ClaimAndDecideAsync("t-append-only", Approval(Alice));

        var update = () => ScalarAsync("UPDATE audit SET action = 'nothing happened'");
        var delete = () => ScalarAsync("DELETE FROM audit");

        await update.Should().ThrowAsync<SqliteException>().WithMessage("*append-only*");
        await delete.Should().ThrowAsync<SqliteException>().WithMessage("*append-only*");
        (await Audit.ListForTaskAsync("t-append-only")).Select(a => a.Action).Should().Equal("claimed", "decided");
    }

    private async Task<string?> ScalarAsync(string sql, int column = 0, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetValue(column)?.ToString() : null;
    }
}
