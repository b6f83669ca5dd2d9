using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>Runs every branch of a Parallel state on the same input concurrently; the result is the array of branch outputs, in order.</summary>
internal static class ParallelBranches
{
    public static async Task<StateResult> RunAsync(ParallelState state, JsonNode? input, StateRun run)
    {
        run.Emit(Events.ParallelStarted());
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        var branches = state.Branches.Select((branch, i) => RunBranchAsync(branch, i, input, run, failFast)).ToArray();
        try
        {
            var outputs = await Task.WhenAll(branches);
            run.Emit(Events.ParallelSucceeded());
            return new StateResult(JsonData.ArrayOf(outputs));
        }
        catch (Exception) when (FirstFailure(branches) is { } failure)
        {
            run.Emit(Events.ParallelFailed());

            // "If any branch fails … the entire state fails and all its branches are stopped"; the first real failure
            // (not a sibling's cancellation) is the one reported.
            throw failure;
        }
    }

    /// <summary>The first real failure among branches or iterations, not a sibling's cancellation.</summary>
    internal static StateFailure? FirstFailure(Task<JsonNode?>[] tasks) =>
        tasks.Select(t => t.Exception?.InnerException).OfType<StateFailure>().FirstOrDefault();

    private static async Task<JsonNode?> RunBranchAsync(StateGraph branch, int index, JsonNode? input, StateRun run, CancellationTokenSource failFast)
    {
        try
        {
            // Each branch gets its own copy: branches that pass their input through must not return one node twice.
            return await run.RunChildAsync(branch, input?.DeepClone(), $"{run.State.Name}/{index}", mapItem: null, failFast.Token);
        }
        catch (StateFailure)
        {
            await failFast.CancelAsync();
            throw;
        }
    }
}
