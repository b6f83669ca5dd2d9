using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>Runs an inline Map: the item processor for each item, at most MaxConcurrency at a time, each in its own frame.</summary>
internal static class InlineMap
{
    public static async Task<StateResult> RunAsync(MapState state, JsonNode? input, StateRun run)
    {
        var scope = run.Scope(input);
        var items = state.InputItems(input, scope);
        var limit = state.MaxConcurrencyIn(scope);

        run.Emit(Events.MapStarted(items.Count));
        using var gate = new SemaphoreSlim(limit <= 0 ? items.Count + 1 : limit);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        var iterations = items.Select((item, index) => RunItemAsync(state, item, index, input, run, gate, failFast)).ToArray();
        try
        {
            var outputs = await Task.WhenAll(iterations);
            run.Emit(Events.MapSucceeded());
            return new StateResult(JsonData.ArrayOf(outputs));
        }
        catch (Exception) when (ParallelBranches.FirstFailure(iterations) is { } failure)
        {
            run.Emit(Events.MapFailed());

            // As for Parallel: the first real failure stops the other iterations and is the one reported.
            throw failure;
        }
    }

    private static async Task<JsonNode?> RunItemAsync(
        MapState state, JsonNode? item, int index, JsonNode? input, StateRun run, SemaphoreSlim gate, CancellationTokenSource failFast)
    {
        await gate.WaitAsync(failFast.Token);
        try
        {
            var mapItem = new MapItem(index, item);
            var itemInput = state.ItemSelector is null ? item?.DeepClone() : state.ItemSelector.Evaluate(run.Scope(input, mapItem));
            return await run.RunChildAsync(state.ItemProcessor, itemInput, $"{state.Name}/{index}", mapItem, failFast.Token, isolated: state.IsDistributed);
        }
        catch (StateFailure)
        {
            await failFast.CancelAsync();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }
}
