using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Escalations;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage.Sqlite;

/// <summary>Rows the Local store cannot trust are skipped by every read and reported for operators, never thrown at a page.</summary>
public sealed class SqliteMalformedRowsTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly MalformedTaskItems _malformed;
    private readonly SqliteReviewTaskStore _store;

    public SqliteMalformedRowsTests()
    {
        _malformed = new MalformedTaskItems(_clock, NullLogger<MalformedTaskItems>.Instance);
        _store = new SqliteReviewTaskStore(new SqliteDatabase(DatabaseFile), new ReviewTaskChanges(), _clock, _malformed);
    }

    private string DatabaseFile => _folder.File("tasks.db");

    [Fact]
    public async Task Malformed_rows_are_skipped_from_every_page_and_read_and_reported_by_id_and_fault_without_values()
    {
        foreach (var (id, dueInMinutes) in new[] { ("good-1", 10), ("bad-urgency", 20), ("no-token", 30), ("bad-due", 40), ("good-2", 50) })
        {
            await _store.RegisterAsync(EscalationTasks.Open(id, QueueName.Urgent, _clock.GetUtcNow(), _clock.GetUtcNow().AddMinutes(dueInMinutes)));
        }

        await SqliteRows.UpdateAsync(DatabaseFile, "bad-urgency", "urgency = 'stat'");
        await SqliteRows.UpdateAsync(DatabaseFile, "no-token", "task_token = ''");
        await SqliteRows.UpdateAsync(DatabaseFile, "bad-due", "due_at = -1");

        var listed = new List<ReviewTask>();
        string? token = null;
        do
        {
            var page = await _store.ListOpenAsync(QueueName.Urgent, 2, token);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        listed.Select(t => t.Id).Should().Equal("good-1", "good-2");
        (await _store.GetAsync("bad-urgency")).Should().BeNull();
        (await _store.ClaimAsync("no-token", new Reviewer("oid-alice", "Dr Alice"), _clock.GetUtcNow().AddMinutes(5))).Kind.Should().Be(StoreResultKind.NotFound);
        _malformed.Current.Select(r => (r.TaskId, string.Join("; ", r.Problems))).Should().BeEquivalentTo(new[]
        {
            ("bad-urgency", "urgency is not one of urgent, routine"),
            ("no-token", "task_token is empty"),
            ("bad-due", "due_at is not a valid time"),
        });
        _malformed.Current.Should().OnlyContain(r => r.FirstSeen == _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_row_fixed_by_hand_is_listed_again_and_leaves_the_report()
    {
        await _store.RegisterAsync(EscalationTasks.Open("fixable", QueueName.Routine, _clock.GetUtcNow(), _clock.GetUtcNow().AddHours(8)));
        await SqliteRows.UpdateAsync(DatabaseFile, "fixable", "status = 'LOST'");
        (await _store.ListOpenAsync(QueueName.Routine, 10, null)).Items.Should().BeEmpty();
        _malformed.Current.Should().ContainSingle().Which.Problems.Should().Equal("status is not one of pending, claimed, deciding, decided, expired");

        await SqliteRows.UpdateAsync(DatabaseFile, "fixable", "status = 'PENDING'");

        (await _store.ListOpenAsync(QueueName.Routine, 10, null)).Items.Should().ContainSingle(t => t.Id == "fixable");
        _malformed.Current.Should().BeEmpty();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
