using Microsoft.Extensions.Options;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Aws mode's live updates across ECS tasks: one watcher per process reads the open-by-queue index every
/// <see cref="AwsOptions.ChangeWatchInterval"/> and publishes what changed since the last read to this process's
/// circuits through <see cref="ReviewTaskChanges"/>. Its cost depends on the number of open tasks, never on the number
/// of open browsers. (Writes made by this process are published at once by the store as well.)
/// </summary>
public sealed partial class ReviewTaskChangeWatcher(
    IReviewTaskStore store,
    ReviewTaskChanges changes,
    IOptions<AwsOptions> options,
    TimeProvider time,
    ILogger<ReviewTaskChangeWatcher> logger) : BackgroundService
{
    /// <summary>Queues show their first pages; a change further down than this is seen when it moves up.</summary>
    private const int MaxWatchedPerQueue = 1000;
    private const int PageSize = 100;

    private readonly TaskCompletionSource baselineRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once the first read of the index (the baseline later reads are compared with) is taken: a change made
    /// after it is published, one made before is part of the baseline. Tests wait on it instead of sleeping.
    /// </summary>
    public Task BaselineRead => baselineRead.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Dictionary<string, Seen>? previous = null;
        return PeriodicRounds.RunAsync(
            options.Value.ChangeWatchInterval,
            time,
            immediately: true,
            async cancellationToken =>
            {
                var current = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
                if (previous is not null)
                {
                    await PublishDifferencesAsync(previous, current, cancellationToken).ConfigureAwait(false);
                }

                previous = current;
                baselineRead.TrySetResult();
            },
            // An outage or throttling: pages keep their last state, and the next tick tries again.
            e => LogReadFailed(logger, e.GetType().Name),
            stoppingToken);
    }

    private async Task<Dictionary<string, Seen>> SnapshotAsync(CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var queue in Enum.GetValues<QueueName>())
        {
            string? token = null;
            var read = 0;
            do
            {
                var page = await store.ListOpenAsync(queue, PageSize, token, cancellationToken).ConfigureAwait(false);
                foreach (var task in page.Items)
                {
                    seen[task.Id] = new Seen(task.Queue, task.Status, task.Version);
                }

                read += page.Items.Count;
                token = page.ContinuationToken;
            }
            while (token is not null && read < MaxWatchedPerQueue);
        }

        foreach (var task in await store.ListDecidingAsync(MaxWatchedPerQueue, cancellationToken).ConfigureAwait(false))
        {
            seen[task.Id] = new Seen(task.Queue, task.Status, task.Version);
        }

        return seen;
    }

    private async Task PublishDifferencesAsync(Dictionary<string, Seen> previous, Dictionary<string, Seen> current, CancellationToken cancellationToken)
    {
        foreach (var (id, now) in current)
        {
            if (!previous.TryGetValue(id, out var before) || before != now)
            {
                changes.Publish(new ReviewTaskChanged(id, now.Queue, now.Status));
            }
        }

        foreach (var (id, before) in previous.Where(p => !current.ContainsKey(p.Key)))
        {
            // Gone from every index partition: decided or expired elsewhere. One read tells which.
            var task = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            changes.Publish(new ReviewTaskChanged(id, task?.Queue ?? before.Queue, task?.Status ?? ReviewStatus.Expired));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the open-task index for live updates failed ({Error}); retrying on the next tick")]
    private static partial void LogReadFailed(ILogger logger, string error);

    private sealed record Seen(QueueName Queue, ReviewStatus Status, long Version);
}
