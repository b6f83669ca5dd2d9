using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.LocalResources;

/// <summary>The portal in Local mode registers the bundled templates and fills its queues with real executions.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public class LocalWorkflowsTests
{
    [Fact]
    public async Task On_start_the_templates_are_registered_and_the_demo_cases_reach_their_review_gates()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true" });
        var store = app.GetRequiredService<IReviewTaskStore>();
        var stepFunctions = app.GetRequiredService<IAmazonStepFunctions>();

        var urgent = await LoopWaits.OpenTasksAsync(store, QueueName.Urgent, 6);
        var routine = await LoopWaits.OpenTasksAsync(store, QueueName.Routine, 6);

        urgent.Select(t => t.CaseId).Should().BeEquivalentTo(["RP-1001", "RP-1002", "RP-1003", "RP-1004", "RP-1005", "RP-1006"]);
        routine.Select(t => t.CaseId).Should().BeEquivalentTo(["RP-2001", "RP-2002", "RP-2003", "RP-2004", "RP-2006", "RP-2008"]);
        var machines = await stepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest());
        machines.StateMachines.Select(m => (m.Name, m.Type!.Value)).Should().BeEquivalentTo([("draft-generation", "EXPRESS"), ("study-review", "STANDARD"), ("draft-backfill", "STANDARD")]);
        var execution = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = urgent[0].ExecutionArn });
        execution.Status.Should().Be(ExecutionStatus.RUNNING, "the execution is paused at its review gate");
    }
}

/// <summary>Polling helpers for tests that watch executions reach their gates in a running portal.</summary>
public static class LoopWaits
{
    public static async Task<IReadOnlyList<ReviewTask>> OpenTasksAsync(IReviewTaskStore store, QueueName queue, int atLeast, Func<ReviewTask, bool>? where = null)
    {
        List<ReviewTask> open = [];
        await UntilAsync(
            async () => (open = (await store.ListOpenAsync(queue, 100, null)).Items.Where(where ?? (_ => true)).ToList()).Count >= atLeast,
            $"at least {atLeast} open tasks in the {queue} queue",
            TimeSpan.FromSeconds(30));
        return open;
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; throws naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        for (var waited = TimeSpan.Zero; waited < timeout; waited += TimeSpan.FromMilliseconds(100))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        if (!await condition())
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s in vain: {what}.");
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan timeout) => UntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Starts a study-review execution of <paramref name="study"/> on the portal's local engine; returns its ARN.</summary>
    public static async Task<string> StartCaseAsync(PortalApp app, DemoStudy study, string caseId)
    {
        var studyReview = await app.GetRequiredService<LocalWorkflows>().StudyReviewArnAsync();
        var started = await app.GetRequiredService<IAmazonStepFunctions>().StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = studyReview,
            Name = caseId.ToLowerInvariant(),
            Input = DemoCaseStarter.InputFor(study, caseId),
        });
        return started.ExecutionArn!;
    }
}
