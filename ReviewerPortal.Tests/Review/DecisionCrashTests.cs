using System.Diagnostics;
using ReviewerPortal.Audit;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Review;

/// <summary>
/// Issue 10's crash proof: 200 urgent cases decided through the portal's real services (ReviewerPortal.CrashDrill, Local
/// mode) while the process is killed with SIGKILL at random moments and started again. Afterwards every gate was
/// completed exactly once by the portal's approval and every task's audit trail holds its claim and one decision.
/// </summary>
[Trait("Category", "Slow")]
public class DecisionCrashTests
{
    private const int Cases = 200;

    // Once (case drill-44-r1) a kill fell between the engine's durable acknowledgement of a decision and the history
    // event recording it; the reconciler then read the spent token as an expired gate (DecisionCrashPointTests).
    [Fact]
    public async Task Decisions_survive_sigkill_at_random_points_and_each_reaches_the_engine_exactly_once()
    {
        using var data = new TempDirectory("crash-drill");
        (await RunAsync(data.Path, ["start", Cases.ToString(System.Globalization.CultureInfo.InvariantCulture)], killAfter: null)).Should().Contain("READY");

        var random = new Random(20261207);
        var kills = 0;
        var finished = false;
        for (var round = 0; round < 40 && !finished; round++)
        {
            // Early rounds are killed 1–4 s in (start-up alone takes a second or two); the last ones run to the end.
            var killAfter = round < 8 ? TimeSpan.FromMilliseconds(random.Next(1_000, 4_000)) : (TimeSpan?)null;
            var output = await RunAsync(data.Path, ["decide"], killAfter);
            finished = output.Contains("ALL-DONE", StringComparison.Ordinal);
            kills += finished ? 0 : 1;
        }

        finished.Should().BeTrue("the drill finishes once it is no longer killed");
        kills.Should().BeGreaterThan(0, "the drill was killed at least once while deciding");

        await using var app = new PortalApp(new Dictionary<string, string?> { ["Portal:DataDirectory"] = data.Path });
        var store = app.GetRequiredService<IReviewTaskStore>();
        var engine = app.GetRequiredService<IAmazonStepFunctions>();
        var executions = new List<ExecutionListItem>();
        string? next = null;
        do
        {
            var page = await engine.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = await StudyReviewArnAsync(app), MaxResults = 1000, NextToken = next });
            executions.AddRange(page.Executions);
            next = page.NextToken;
        }
        while (next is not null);

        executions.Should().HaveCount(Cases);
        foreach (var execution in executions)
        {
            var history = (await engine.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = execution.ExecutionArn, MaxResults = 1000 })).Events;
            history.Count(e => e.Type == HistoryEventType.TaskSucceeded && e.TaskSucceededEventDetails?.Resource?.Contains("waitForTaskToken", StringComparison.Ordinal) == true)
                .Should().Be(1, $"{execution.Name}: the review gate is completed exactly once");
        }

        (await store.ListOpenAsync(QueueName.Urgent, 10, null)).Items.Should().BeEmpty();
        foreach (var execution in executions)
        {
            var taskId = await TaskIdOfAsync(engine, execution.ExecutionArn!);
            var task = await store.GetAsync(taskId);
            task!.Status.Should().Be(ReviewStatus.Decided, taskId);
            var audit = await app.GetRequiredService<IAuditTrail>().ListForTaskAsync(taskId);
            audit.Count(a => a.Action == "decided").Should().Be(1, $"{taskId}: one decision in the audit trail");
            audit.Should().Contain(a => a.Action == "claimed" && a.ActorId == "drill-oid");
        }
    }

    /// <summary>Runs the drill once; kills it (SIGKILL) after <paramref name="killAfter"/> unless it ends first.</summary>
    private static async Task<string> RunAsync(string dataDirectory, string[] arguments, TimeSpan? killAfter)
    {
        var drill = Path.Combine(RepoPaths.Root, "ReviewerPortal.CrashDrill", "bin", "Debug", "net10.0", "ReviewerPortal.CrashDrill.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(drill);
        start.ArgumentList.Add(dataDirectory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(killAfter ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux: no shutdown hooks, no flushing
            await process.WaitForExitAsync();
        }

        var text = await output;
        (killAfter is not null || text.Contains("READY", StringComparison.Ordinal) || text.Contains("ALL-DONE", StringComparison.Ordinal))
            .Should().BeTrue("an unkilled run ends by finishing: " + await errors);
        return text;
    }

    private static Task<string> StudyReviewArnAsync(PortalApp app) =>
        app.GetRequiredService<ReviewerPortal.Workflow.LocalResources.LocalWorkflows>().StudyReviewArnAsync();

    private static async Task<string> TaskIdOfAsync(IAmazonStepFunctions engine, string executionArn)
    {
        var history = (await engine.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = executionArn, MaxResults = 1000, IncludeExecutionData = true })).Events;
        var gate = history.First(e => e.Type == HistoryEventType.TaskStateEntered && e.StateEnteredEventDetails?.Name == "UrgentReview");
        return System.Text.Json.Nodes.JsonNode.Parse(gate.StateEnteredEventDetails!.Input!)!["task"]!["id"]!.GetValue<string>();
    }
}
