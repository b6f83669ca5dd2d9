using Microsoft.Extensions.Options;
using ReviewerPortal.Demo;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// Local mode's demo cases, as real executions on the local engine: the catalog's studies when the portal starts
/// (unless <c>Demo:SeedOnStart</c> is false; a restart starts none twice), then new cases and the draft backfill from
/// the demo buttons. Registered after <see cref="LocalWorkflows"/>, whose templates it starts.
/// </summary>
public sealed partial class LocalDemoCases(
    LocalWorkflows workflows,
    DemoCaseStarter cases,
    DraftBackfillStarter backfill,
    IOptions<DemoOptions> options,
    ILogger<LocalDemoCases> logger) : IDemoCases, IHostedService
{
    public bool Available => true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SeedOnStart)
        {
            var studyReview = await workflows.StudyReviewArnAsync().ConfigureAwait(false);
            var started = await cases.StartCatalogAsync(studyReview, cancellationToken).ConfigureAwait(false);
            LogDemoCases(logger, started);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DemoStarted> StartCaseAsync(string urgency, CancellationToken cancellationToken = default)
    {
        var studyReview = await workflows.StudyReviewArnAsync().ConfigureAwait(false);
        var arn = await cases.StartNewAsync(studyReview, urgency, cancellationToken).ConfigureAwait(false);
        return new DemoStarted(arn, $"Started a new {urgency} demo case; it appears in the {urgency} queue in a few seconds, once its draft is ready.");
    }

    public async Task<DemoStarted> StartDraftBackfillAsync(CancellationToken cancellationToken = default)
    {
        var draftBackfill = await workflows.ArnOfAsync(BundledTemplates.DraftBackfill).ConfigureAwait(false);
        var arn = await backfill.StartAsync(draftBackfill, cancellationToken).ConfigureAwait(false);
        return new DemoStarted(arn, "Draft backfill started for the demo studies.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Count} demo cases as study-review executions.")]
    private static partial void LogDemoCases(ILogger logger, int count);
}
