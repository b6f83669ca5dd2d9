using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Identity;
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Review;

namespace ReviewerPortal.CrashDrill;

/// <summary>
/// Usage: ReviewerPortal.CrashDrill {data directory} start {count} | decide
///   start:  starts {count} urgent cases (the CT head demo study) and waits until every one waits at its review gate, then prints READY.
///   decide: claims and approves every open task through the real DecisionService, one after another, printing
///           DECIDED {task id} for each; once nothing is open or left in DECIDING, prints ALL-DONE.
/// The crash test kills "decide" with SIGKILL at random moments and starts it again until ALL-DONE.
/// </summary>
internal static class Drill
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: ReviewerPortal.CrashDrill {data directory} start {count} | decide");
            return 2;
        }

        await using var portal = new DrillPortal(args[0]);
        var services = portal.Services;
        var store = services.GetRequiredService<IReviewTaskStore>();

        if (args[1] == "start")
        {
            var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            // One execution per case under its own name (demo-case names carry a timestamp, which two starts can share).
            var studyReview = await services.GetRequiredService<LocalWorkflows>().StudyReviewArnAsync();
            var engine = services.GetRequiredService<IAmazonStepFunctions>();
            for (var i = 0; i < count; i++)
            {
                await engine.StartExecutionAsync(new StartExecutionRequest
                {
                    StateMachineArn = studyReview,
                    Name = $"drill-{i}",
                    Input = DemoCaseStarter.InputFor(DemoStudies.CtHeadStroke, $"RP-DRILL-{i}"),
                });
            }

            while ((await DrillTasks.OpenAsync(store)).Count < count)
            {
                await Task.Delay(200);
            }

            Console.WriteLine("READY");
            return 0;
        }

        var reviewer = new Reviewer("drill-oid", "Dr Drill");
        while (true)
        {
            var open = await DrillTasks.OpenAsync(store);
            if (open.Count == 0)
            {
                if ((await store.ListDecidingAsync(10)).Count == 0)
                {
                    Console.WriteLine("ALL-DONE");
                    return 0;
                }

                await Task.Delay(200); // the reconciler is finishing what a kill left in DECIDING
                continue;
            }

            foreach (var task in open)
            {
                await using var scope = services.CreateAsyncScope();
                var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
                await decisions.ClaimAsync(task.Id, reviewer);
                var result = await decisions.ApproveAsync(new ApprovalRequest(task.Id, reviewer, null, "Crash drill approval."));
                Console.WriteLine($"{(result.Succeeded ? "DECIDED" : "REFUSED")} {task.Id} {result.Kind}");
            }
        }
    }
}
