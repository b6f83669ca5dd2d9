using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReviewerPortal.Drafts;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// Local mode's demo of a batch re-draft: writes a manifest of the demo studies to the draft store (the folder that
/// stands in for the draft bucket) and starts the draft-backfill workflow on it, as an operator would after a model update.
/// </summary>
public sealed class DraftBackfillStarter(IAmazonStepFunctions stepFunctions, IDraftStore drafts, IOptions<WorkflowTemplateOptions> templates, TimeProvider clock)
{
    /// <summary>Where manifests go; the deployed backfill role may read only under this prefix.</summary>
    public const string ManifestPrefix = "backfill/manifests/";

    /// <summary>The manifest the draft-backfill template reads: one entry per study, with what draft generation needs.</summary>
    public static string ManifestOf(IEnumerable<DemoStudy> studies) => new JsonArray(
        [.. studies.Select(study => (JsonNode)new JsonObject
        {
            ["caseId"] = study.CaseId,
            ["datastoreId"] = DemoStudies.DatastoreId,
            ["imageSetId"] = study.ImageSetId,
            ["indication"] = study.Indication,
        })]).ToJsonString();

    /// <summary>Writes the manifest, starts the backfill and returns its execution ARN.</summary>
    public async Task<string> StartAsync(string draftBackfillArn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = "backfill-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var key = ManifestPrefix + name + ".json";
        await drafts.WriteTextAsync($"s3://{templates.Value.DraftBucket}/{key}", ManifestOf(DemoStudies.All), "application/json", cancellationToken).ConfigureAwait(false);
        var started = await stepFunctions.StartExecutionAsync(
            new StartExecutionRequest { StateMachineArn = draftBackfillArn, Name = name, Input = new JsonObject { ["manifestKey"] = key }.ToJsonString() },
            cancellationToken).ConfigureAwait(false);
        return started.ExecutionArn!;
    }
}
