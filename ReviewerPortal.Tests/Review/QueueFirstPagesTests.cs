using Microsoft.Data.Sqlite;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Review;

/// <summary>The shared first pages on a real SQLite store, counting the list queries that reach it.</summary>
public sealed class QueueFirstPagesTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly ReviewTaskChanges _changes = new();
    private readonly SqliteReviewTaskStore _store;
    private readonly CountingStore _counted;
    private readonly QueueFirstPages _pages;

    public QueueFirstPagesTests()
    {
        _store = new SqliteReviewTaskStore(new SqliteDatabase(_folder.File("tasks.db")), _changes, _clock);
        _counted = new CountingStore(_store);
        _pages = new QueueFirstPages(_counted, _changes);
    }

    public void Dispose()
    {
        _pages.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private Task<ReviewTask> Register(string id, QueueName queue) => _store.RegisterAsync(new ReviewTask
    {
        Id = id,
        TaskToken = "t-" + id,
        ExecutionArn = "arn:" + id,
        CaseId = "RP-" + id,
        StudyDescription = "CT head",
        Modality = "CT",
        Urgency = queue == QueueName.Urgent ? Urgency.Urgent : Urgency.Routine,
        Queue = queue,
        DraftLocation = $"s3://reviewer-portal-drafts/{id}/draft.md",
        CreatedAt = _clock.GetUtcNow(),
        DueAt = _clock.GetUtcNow().AddHours(1),
    });

    [Fact]
    public async Task Many_open_pages_share_one_query_until_their_queue_changes()
    {
        await Register("a", QueueName.Urgent);

        var readers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _pages.GetAsync(QueueName.Urgent)));
        var queriesBefore = _counted.Lists;
        await Register("b", QueueName.Urgent);
        var afterChange = await _pages.GetAsync(QueueName.Urgent);
        await _pages.GetAsync(QueueName.Urgent);

        readers.Should().OnlyContain(page => page.Items.Count == 1);
        queriesBefore.Should().Be(1);
        afterChange.Items.Select(t => t.Id).Should().Equal("a", "b");
        _counted.Lists.Should().Be(2);
    }

    [Fact]
    public async Task A_change_in_one_queue_leaves_the_other_queues_page_in_place()
    {
        await _pages.GetAsync(QueueName.Urgent);
        await _pages.GetAsync(QueueName.Routine);

        await Register("r", QueueName.Routine);
        await _pages.GetAsync(QueueName.Urgent);
        var routine = await _pages.GetAsync(QueueName.Routine);

        routine.Items.Should().ContainSingle(t => t.Id == "r");
        _counted.Lists.Should().Be(3);
    }

    /// <summary>The real store, with a count of the list queries that reach it.</summary>
    private sealed class CountingStore(IReviewTaskStore inner) : IReviewTaskStore
    {
        private int _lists;

        public int Lists => Volatile.Read(ref _lists);

        public Task<TaskPage> ListOpenAsync(QueueName queue, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _lists);
            return inner.ListOpenAsync(queue, pageSize, continuationToken, cancellationToken);
        }

        public Task<ReviewTask> RegisterAsync(ReviewTask task, CancellationToken cancellationToken = default) => inner.RegisterAsync(task, cancellationToken);

        public Task<ReviewTask?> GetAsync(string taskId, CancellationToken cancellationToken = default) => inner.GetAsync(taskId, cancellationToken);

        public Task<StoreResult> ClaimAsync(string taskId, Reviewer reviewer, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => inner.ClaimAsync(taskId, reviewer, leaseUntil, cancellationToken);

        public Task<StoreResult> RenewClaimAsync(string taskId, string reviewerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => inner.RenewClaimAsync(taskId, reviewerId, leaseUntil, cancellationToken);

        public Task<StoreResult> ReleaseAsync(string taskId, Reviewer reviewer, bool force = false, CancellationToken cancellationToken = default) => inner.ReleaseAsync(taskId, reviewer, force, cancellationToken);

        public Task<StoreResult> OverrideClaimAsync(string taskId, string expectedHolderId, Reviewer supervisor, ClaimLease? reassignTo, CancellationToken cancellationToken = default) => inner.OverrideClaimAsync(taskId, expectedHolderId, supervisor, reassignTo, cancellationToken);

        public Task<StoreResult> RecordDecisionAsync(string taskId, Decision decision, CancellationToken cancellationToken = default) => inner.RecordDecisionAsync(taskId, decision, cancellationToken);

        public Task<StoreResult> CompleteDecisionAsync(string taskId, CancellationToken cancellationToken = default) => inner.CompleteDecisionAsync(taskId, cancellationToken);

        public Task<StoreResult> MarkExpiredAsync(string taskId, string reason, CancellationToken cancellationToken = default) => inner.MarkExpiredAsync(taskId, reason, cancellationToken);
        public Task<StoreResult> CloseOpenAsync(string taskId, string reason, CancellationToken cancellationToken = default) => inner.CloseOpenAsync(taskId, reason, cancellationToken);

        public Task<IReadOnlyList<ReviewTask>> ListDecidingAsync(int limit, CancellationToken cancellationToken = default) => inner.ListDecidingAsync(limit, cancellationToken);
    }
}
