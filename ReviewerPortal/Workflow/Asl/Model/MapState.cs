using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.Asl.Execution;
using ReviewerPortal.Workflow.Asl.Paths;

namespace ReviewerPortal.Workflow.Asl.Model;

/// <summary>Inline Map: runs the item processor for each item of the array at ItemsPath, at most MaxConcurrency at a time.</summary>
internal sealed class MapState : State
{
    public override string Type => "Map";

    public JsonPathExpression ItemsPath { get; init; } = JsonPathExpression.Parse("$");

    public PayloadTemplate? ItemSelector { get; init; }

    public required StateGraph ItemProcessor { get; init; }

    /// <summary>0 means no limit, as in the specification.</summary>
    public int MaxConcurrency { get; init; }

    public JsonPathExpression? MaxConcurrencyPath { get; init; }

    public override async ValueTask<StateResult> ExecuteAsync(JsonNode? input, StateRun run)
    {
        var scope = run.Scope(input);
        if (!scope.TrySelect(ItemsPath, out var itemsNode) || itemsNode is not JsonArray items)
        {
            throw new StateFailure(StatesErrors.Runtime, $"The ItemsPath '{ItemsPath.Text}' of the Map state '{Name}' must point to an array.");
        }

        var limit = MaxConcurrency;
        if (MaxConcurrencyPath is not null)
        {
            limit = scope.TrySelect(MaxConcurrencyPath, out var m) && JsonData.TryGetDecimal(m, out var n) && n >= 0 && n <= int.MaxValue
                ? (int)n
                : throw new StateFailure(StatesErrors.Runtime, $"The MaxConcurrencyPath '{MaxConcurrencyPath.Text}' must point to an integer.");
        }

        run.Emit(Events.MapStarted(items.Count));
        using var gate = new SemaphoreSlim(limit <= 0 ? items.Count + 1 : limit);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        var iterations = items.Select((item, index) => RunItemAsync(item, index, input, run, gate, failFast)).ToArray();
        try
        {
            var outputs = await Task.WhenAll(iterations);
            run.Emit(Events.MapSucceeded());
            return new StateResult(new JsonArray([.. outputs.Select(JsonData.Detached)]));
        }
        catch (Exception) when (FirstFailure(iterations) is { } failure)
        {
            run.Emit(Events.MapFailed());

            // "If any branch fails … the entire state fails and all its branches are stopped"; the first real failure
            // (not a sibling's cancellation) is the one reported.
            throw failure;
        }
    }

    private async Task<JsonNode?> RunItemAsync(JsonNode? item, int index, JsonNode? input, StateRun run, SemaphoreSlim gate, CancellationTokenSource failFast)
    {
        await gate.WaitAsync(failFast.Token);
        try
        {
            var mapItem = new MapItem(index, item);
            var itemInput = ItemSelector is null ? item?.DeepClone() : ItemSelector.Evaluate(run.Scope(input, mapItem));
            return await run.RunChildAsync(ItemProcessor, itemInput, $"{Name}/{index}", mapItem, failFast.Token);
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

    private static StateFailure? FirstFailure(Task<JsonNode?>[] tasks) =>
        tasks.Select(t => t.Exception?.InnerException).OfType<StateFailure>().FirstOrDefault();
}

/// <summary>The item a Map iteration processes (<c>$$.Map.Item</c>).</summary>
internal sealed record MapItem(int Index, JsonNode? Value);
