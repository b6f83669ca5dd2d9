using ReviewerPortal.Drafts;
using ReviewerPortal.Review;

namespace ReviewerPortal.Operations;

/// <summary>Local mode: the task store answers a one-item queue page (the SQLite file opens and its schema is there).</summary>
public sealed class TaskStoreReadinessCheck(IReviewTaskStore store) : IReadinessCheck
{
    public string Name => "tasks";

    public Task CheckAsync(CancellationToken cancellationToken) => store.ListOpenAsync(QueueName.Urgent, 1, null, cancellationToken);
}

/// <summary>Local mode: the draft folder answers a read of an object that does not exist with "not found".</summary>
public sealed class DraftStoreReadinessCheck(IDraftStore store) : IReadinessCheck
{
    private const string Probe = "s3://readiness-probe/absent.md";

    public string Name => "drafts";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var read = await store.ReadTextAsync(Probe, 1, cancellationToken).ConfigureAwait(false);
        if (read.Status is not (DraftReadStatus.NotFound or DraftReadStatus.Found or DraftReadStatus.TooLarge))
        {
            throw new InvalidOperationException($"The draft store answered {read.Status} for a probe read.");
        }
    }
}
