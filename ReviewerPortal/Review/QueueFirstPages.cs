using System.Collections.Concurrent;

namespace ReviewerPortal.Review;

/// <summary>
/// The first page of each queue, read once per change for the whole process: every open queue page shows it, so a
/// change costs one store query however many browsers are watching (deeper pages, rarely open, read the store).
/// </summary>
public sealed class QueueFirstPages : IDisposable
{
    private readonly IReviewTaskStore _tasks;
    private readonly ConcurrentDictionary<QueueName, Lazy<Task<TaskPage>>> _pages = new();
    private readonly IDisposable _subscription;

    public QueueFirstPages(IReviewTaskStore tasks, ReviewTaskChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _tasks = tasks;
        // Stores publish after committing, so the next read after this sees the change.
        _subscription = changes.Subscribe(change =>
        {
            _pages.TryRemove(change.Queue, out _);
            return Task.CompletedTask;
        });
    }

    public async Task<TaskPage> GetAsync(QueueName queue, CancellationToken cancellationToken = default)
    {
        var entry = _pages.GetOrAdd(queue, q => new Lazy<Task<TaskPage>>(() => _tasks.ListOpenAsync(q, ReviewQueue.PageSize, null)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed read is not kept: the next reader tries the store again.
            _pages.TryRemove(new KeyValuePair<QueueName, Lazy<Task<TaskPage>>>(queue, entry));
            throw;
        }
    }

    public void Dispose() => _subscription.Dispose();
}
