using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>A Distributed Map's runtime settings, with the <c>…Path</c> fields resolved against the state's input.</summary>
internal sealed record MapRunSettings(int MaxConcurrency, long? ToleratedFailureCount, float? ToleratedFailurePercentage, int? MaxItems, int? MaxItemsPerBatch, int? MaxInputBytesPerBatch)
{
    public static MapRunSettings Resolve(MapState state, DistributedMapConfig config, PathScope scope)
    {
        var maxConcurrency = state.MaxConcurrencyPath is null ? state.MaxConcurrency : Integer(scope, state.MaxConcurrencyPath, "MaxConcurrencyPath");
        long? count = config.ToleratedFailureCount;
        float? percentage = config.ToleratedFailurePercentage is { } p ? (float)p : null;
        foreach (var (field, path) in state.ToleranceChecks)
        {
            if (field == "ToleratedFailureCountPath")
            {
                count = Integer(scope, path, field);
            }
            else
            {
                percentage = Percentage(scope, path, field);
            }
        }

        var reader = config.ItemReader;
        var batcher = config.ItemBatcher;
        return new MapRunSettings(
            maxConcurrency,
            count,
            percentage,
            reader?.MaxItemsPath is { } maxItemsPath ? Integer(scope, maxItemsPath, "MaxItemsPath") : reader?.MaxItems,
            batcher?.MaxItemsPerBatchPath is { } itemsPath ? Integer(scope, itemsPath, "MaxItemsPerBatchPath") : batcher?.MaxItemsPerBatch,
            batcher?.MaxInputBytesPerBatchPath is { } bytesPath ? Integer(scope, bytesPath, "MaxInputBytesPerBatchPath") : batcher?.MaxInputBytesPerBatch);
    }

    private static int Integer(PathScope scope, JsonPathExpression path, string field)
    {
        var value = Select(scope, path);
        return JsonData.TryGetDecimal(value, out var n) && n == decimal.Truncate(n) && n >= 0 && n <= int.MaxValue
            ? (int)n
            : throw StateFailure.InState($"The {field} field refers to value \"{WaitState.Shown(value)}\" which is not a valid integer: {path.Text}");
    }

    private static float Percentage(PathScope scope, JsonPathExpression path, string field)
    {
        var value = Select(scope, path);
        return JsonData.TryGetDouble(value, out var n) && n is >= 0 and <= 100
            ? (float)n
            : throw StateFailure.InState($"The {field} field refers to value \"{WaitState.Shown(value)}\" which is not a valid percentage: {path.Text}");
    }

    private static System.Text.Json.Nodes.JsonNode? Select(PathScope scope, JsonPathExpression path) =>
        scope.TrySelect(path, out var value)
            ? value
            : throw StateFailure.InState($"Invalid path '{path.Text}' : No results for path: {path.Normalized}");
}
