using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>Waits, with a deadline, until a Map Run or its children reach a condition.</summary>
internal static class MapRunWaits
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<DescribeMapRunResponse> UntilAsync(EngineHarness engine, string mapRunArn, Func<DescribeMapRunResponse, bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var described = await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });
            if (condition(described))
            {
                return described;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The Map Run never reached the condition; last counts: running {described.ExecutionCounts?.Running}, succeeded {described.ExecutionCounts?.Succeeded}.");
            }

            await Task.Delay(10);
        }
    }

    public static async Task<List<ExecutionListItem>> UntilChildrenAsync(EngineHarness engine, string mapRunArn, Func<List<ExecutionListItem>, bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var children = (await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { MapRunArn = mapRunArn })).Executions;
            if (children.Count > 0 && condition(children))
            {
                return children;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The Map Run's children never reached the condition: {string.Join(", ", children.Select(c => c.Status?.Value))}.");
            }

            await Task.Delay(10);
        }
    }
}
