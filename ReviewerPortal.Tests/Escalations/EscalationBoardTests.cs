using Microsoft.Data.Sqlite;
using ReviewerPortal.Escalations;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Escalations;

/// <summary>The supervisors' view read from a real SQLite store at a moment the test chooses.</summary>
public sealed class EscalationBoardTests : IDisposable
{
    private static readonly Reviewer Dana = new("persona-clinician", "Dr. Dana Reyes");
    private static readonly Reviewer Sam = new("persona-supervisor", "Dr. Sam Okafor");

    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly SqliteReviewTaskStore _store;
    private readonly EscalationBoard _board;

    public EscalationBoardTests()
    {
        var changes = new ReviewTaskChanges();
        _store = new SqliteReviewTaskStore(new SqliteDatabase(_folder.File("tasks.db")), changes, _clock);
        _board = new EscalationBoard(_store, changes, _clock);
    }

    [Fact]
    public async Task Overdue_work_and_live_claims_of_others_are_picked_out_of_each_queue()
    {
        await RegisterAsync("urgent-late", QueueName.Urgent, dueInMinutes: -5);
        await RegisterAsync("urgent-fine", QueueName.Urgent, dueInMinutes: 30);
        await RegisterAsync("routine-late", QueueName.Routine, dueInMinutes: -60);
        await RegisterAsync("esc-1", QueueName.Escalation, dueInMinutes: 90);
        await RegisterAsync("esc-late", QueueName.Escalation, dueInMinutes: -1);
        await _store.ClaimAsync("urgent-fine", Dana, _clock.GetUtcNow().AddMinutes(20));
        await _store.ClaimAsync("esc-1", Sam, _clock.GetUtcNow().AddMinutes(20));
        await _store.ClaimAsync("routine-late", Dana, _clock.GetUtcNow().AddMinutes(1));
        _clock.Advance(TimeSpan.FromMinutes(2));

        var view = await _board.ReadAsync(Sam.Id);

        view.Escalated.Select(t => t.Id).Should().Equal("esc-late", "esc-1");
        view.OverdueUrgent.Select(t => t.Id).Should().Equal("urgent-late");
        view.OverdueRoutine.Select(t => t.Id).Should().Equal("routine-late");
        view.OverdueCount.Should().Be(3);
        view.HeldByOthers.Select(t => t.Id).Should().Equal(["urgent-fine"], "the supervisor's own claim and a lapsed lease are not someone else's live claim");
        (view.MoreEscalated, view.MoreOverdue).Should().Be((false, false));
    }

    [Fact]
    public async Task A_queue_overdue_beyond_what_the_board_reads_is_flagged_as_incomplete()
    {
        for (var i = 0; i <= EscalationBoard.TasksPerQueue; i++)
        {
            await RegisterAsync($"late-{i:000}", QueueName.Routine, dueInMinutes: -1 - i);
        }

        var view = await _board.ReadAsync(Sam.Id);

        view.OverdueRoutine.Should().HaveCount(EscalationBoard.TasksPerQueue);
        view.MoreOverdue.Should().BeTrue();
    }

    private Task<ReviewTask> RegisterAsync(string id, QueueName queue, int dueInMinutes) =>
        _store.RegisterAsync(EscalationTasks.Open(id, queue, _clock.GetUtcNow().AddHours(-2), _clock.GetUtcNow().AddMinutes(dueInMinutes)));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
