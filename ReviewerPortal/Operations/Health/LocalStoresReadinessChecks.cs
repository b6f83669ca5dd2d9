using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;

namespace ReviewerPortal.Operations.Health;

/// <summary>Local mode: the task store answers a one-item queue page (the SQLite file opens and its schema is there).</summary>
public sealed class TaskStoreReadinessCheck(IReviewTaskStore store) : IHealthCheck
{
    public const string Name = "tasks";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await store.ListOpenAsync(QueueName.Urgent, 1, null, cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>Local mode: the draft folder answers a read of an object that does not exist with "not found".</summary>
public sealed class DraftStoreReadinessCheck(IDraftStore store) : IHealthCheck
{
    public const string Name = "drafts";

    private const string Probe = "s3://readiness-probe/absent.md";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var read = await store.ReadTextAsync(Probe, 1, cancellationToken).ConfigureAwait(false);
        return read.Status is DraftReadStatus.NotFound or DraftReadStatus.Found or DraftReadStatus.TooLarge
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The draft store answered {read.Status} for a probe read.");
    }
}
