using System.Runtime.CompilerServices;

namespace ReviewerPortal.Review;

/// <summary>Every open task of the queues asked for, page after page, for the per-process loops that visit them all.</summary>
public static class OpenTasks
{
    public static async IAsyncEnumerable<ReviewTask> AllAsync(
        IReviewTaskStore store, IEnumerable<QueueName> queues, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queues);
        foreach (var queue in queues)
        {
            string? page = null;
            do
            {
                var tasks = await store.ListOpenAsync(queue, 100, page, cancellationToken).ConfigureAwait(false);
                foreach (var task in tasks.Items)
                {
                    yield return task;
                }

                page = tasks.ContinuationToken;
            }
            while (page is not null);
        }
    }

    public static IAsyncEnumerable<ReviewTask> AllAsync(IReviewTaskStore store, CancellationToken cancellationToken = default) =>
        AllAsync(store, Enum.GetValues<QueueName>(), cancellationToken);
}
