using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>deploy/start-study.sh on the local engine: the documented input starts a study that reaches the review queue.</summary>
[Trait("Category", "Slow")]
public class StartStudyTests
{
    [Fact]
    public async Task A_study_started_on_the_local_engine_reaches_its_queue()
    {
        await using var portal = new PortalApp(new Dictionary<string, string?> { ["LocalEngine:ApiUrl"] = "http://127.0.0.1:0" });
        var api = portal.GetRequiredService<ApiHost>().Address!;
        var study = DemoStudies.CtHeadStroke;

        var started = await CommandLine.ScriptAsync(
            "start-study.sh", "--engine", "local", "--endpoint-url", api.ToString(), "--case-id", "RP-9001", "--image-set-id", study.ImageSetId,
            "--indication", study.Indication, "--urgency", "urgent");

        started.ExitCode.Should().Be(0, started.All);
        started.Output.Should().Contain(":execution:study-review:rp-9001-");
        var store = portal.GetRequiredService<IReviewTaskStore>();
        (await LoopWaits.OpenTasksAsync(store, QueueName.Urgent, 1, t => t.CaseId == "RP-9001")).Should().ContainSingle();
    }

    [Fact]
    public async Task An_urgency_the_template_does_not_know_is_refused_before_anything_starts()
    {
        var refused = await CommandLine.ScriptAsync("start-study.sh", "--engine", "local", "--dry-run", "--case-id", "RP-9002", "--image-set-id", "x", "--indication", "y", "--urgency", "soon");

        refused.ExitCode.Should().Be(1);
        refused.Errors.Should().Contain("--urgency is urgent or routine");
    }
}
