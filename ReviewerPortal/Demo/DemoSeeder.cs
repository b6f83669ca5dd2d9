using Microsoft.Extensions.Options;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;

namespace ReviewerPortal.Demo;

/// <summary>
/// Puts the demo catalog into the review queues at start: each case's draft into the draft store, then a pending task.
/// Stands in for workflow executions reaching the review gate; replace this one hosted service to change that.
/// </summary>
public sealed partial class DemoSeeder(
    IReviewTaskStore tasks,
    IDraftStore drafts,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedRows)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var demo in DemoCatalog.Cases)
        {
            await SeedAsync(demo, now, cancellationToken);
        }

        LogSeeded(logger, DemoCatalog.Cases.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The task a demo case becomes; ids and tokens are stable so seeding again changes nothing.</summary>
    public static ReviewTask ToTask(DemoCase demo, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var createdAt = TruncateToSeconds(now.AddMinutes(-demo.AgeMinutes));
        return new ReviewTask
        {
            Id = "demo-" + demo.CaseId.ToLowerInvariant(),
            TaskToken = "demo-token-" + demo.CaseId,
            ExecutionArn = $"arn:aws:states:local:000000000000:execution:reviewer-portal-review:demo-{demo.CaseId}",
            CaseId = demo.CaseId,
            StudyDescription = demo.StudyDescription,
            Modality = demo.Modality,
            Urgency = demo.Urgency,
            Queue = demo.Queue,
            DraftLocation = demo.DraftLocation,
            CreatedAt = createdAt,
            DueAt = createdAt.AddMinutes(demo.SlaMinutes),
        };
    }

    private async Task SeedAsync(DemoCase demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await drafts.ReadTextAsync(demo.DraftLocation, maxBytes: 1, cancellationToken);
        if (existing.Status == DraftReadStatus.NotFound)
        {
            await drafts.WriteTextAsync(demo.DraftLocation, demo.ReadDraft(), "text/markdown", cancellationToken);
        }

        await tasks.RegisterAsync(ToTask(demo, now), cancellationToken);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seeding: {Count} demo cases are in the review queues.")]
    private static partial void LogSeeded(ILogger logger, int count);
}
