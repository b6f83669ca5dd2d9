using System.Text.Json.Nodes;
using ReviewerPortal.Demo;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Storage;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// The draft-backfill template on the embedded default (Local mode), as the Operations page's demo button starts it:
/// a manifest of the demo studies in the draft folder, one draft per study, the results in S3's layout, a summary event.
/// </summary>
public sealed class DraftBackfillTests
{
    [Fact]
    public async Task The_demo_backfill_writes_its_manifest_and_starts_the_backfill_on_it()
    {
        await using var app = new PortalApp();
        var arn = (await app.GetRequiredService<IDemoCases>().StartDraftBackfillAsync()).ExecutionArn;

        var described = await app.GetRequiredService<IAmazonStepFunctions>().DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn });
        described.StateMachineArn.Should().EndWith(":stateMachine:draft-backfill");
        var key = JsonNode.Parse(described.Input!)!["manifestKey"]!.GetValue<string>();
        key.Should().StartWith(DraftBackfillStarter.ManifestPrefix, "the deployed role may read manifests only there");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.GetRequiredService<LocalDataPaths>().ObjectsFolder, "reviewer-portal-drafts", key)))!.AsArray();
        manifest.Select(s => s!["caseId"]!.GetValue<string>()).Should().Equal(DemoStudies.All.Select(s => s.CaseId));
        manifest.Should().OnlyContain(s => s!["imageSetId"] != null && s["datastoreId"] != null && s["indication"] != null);
    }

    [Fact]
    public async Task The_backfill_drafts_every_demo_study_writes_the_results_and_announces_a_summary()
    {
        await using var app = new PortalApp();
        var stepFunctions = app.GetRequiredService<IAmazonStepFunctions>();
        var arn = (await app.GetRequiredService<IDemoCases>().StartDraftBackfillAsync()).ExecutionArn;
        DescribeExecutionResponse? done = null;
        await LoopWaits.UntilAsync(
            async () => (done = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn })).Status != ExecutionStatus.RUNNING,
            "the backfill to end", TimeSpan.FromSeconds(120));

        done!.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Error + ": " + done.Cause);
        var results = JsonNode.Parse(done.Output!)!["results"]!;
        var objects = Path.Combine(app.GetRequiredService<LocalDataPaths>().ObjectsFolder, "reviewer-portal-drafts");
        var resultsManifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(objects, results["ResultWriterDetails"]!["Key"]!.GetValue<string>())))!;
        var succeeded = resultsManifest["ResultFiles"]!["SUCCEEDED"]!.AsArray().Select(f => f!["Key"]!.GetValue<string>()).ToList();
        succeeded.Should().NotBeEmpty();
        var drafted = succeeded.SelectMany(k => JsonNode.Parse(File.ReadAllText(Path.Combine(objects, k)))!.AsArray())
            .Select(r => JsonNode.Parse(r!["Output"]!.GetValue<string>())!["caseId"]!.GetValue<string>());
        drafted.Should().BeEquivalentTo(DemoStudies.All.Select(s => s.CaseId));
        app.GetRequiredService<PublicationEventLog>().Recent(20).Should().Contain(e => e.DetailType == "Draft Backfill Finished" && e.Detail.Contains(results["MapRunArn"]!.GetValue<string>()));
    }
}
