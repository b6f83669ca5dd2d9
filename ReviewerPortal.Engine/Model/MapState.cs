using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>
/// Map: inline, runs the item processor for each item of the array at ItemsPath, at most MaxConcurrency at a time;
/// Distributed, hands the state to a Map Run of child executions (MapRuns/DistributedMapRun). Run by Execution/InlineMap.
/// </summary>
internal sealed class MapState : State
{
    public override string Type => "Map";

    public JsonPathExpression ItemsPath { get; init; } = JsonPathExpression.Parse("$");

    public PayloadTemplate? ItemSelector { get; init; }

    /// <summary>JSONata: the items, an array or an expression evaluating to one; by default the state's input.</summary>
    public JsonataTemplate? Items { get; init; }

    public bool UsesJsonata { get; init; }

    public required StateGraph ItemProcessor { get; init; }

    /// <summary>0 means no limit, as in the specification.</summary>
    public int MaxConcurrency { get; init; }

    public JsonPathExpression? MaxConcurrencyPath { get; init; }

    /// <summary>JSONata: <c>"MaxConcurrency": "{% … %}"</c>, evaluated against the state's input.</summary>
    public JsonataField? MaxConcurrencyExpression { get; init; }

    /// <summary>
    /// ToleratedFailureCountPath and ToleratedFailurePercentagePath (Distributed Map), resolved by the Map Run
    /// (MapRuns/MapRunSettings); checked here too for a Map state the engine runs inline.
    /// </summary>
    public IReadOnlyList<(string Field, JsonPathExpression Path)> ToleranceChecks { get; init; } = [];

    /// <summary>A Distributed Map's iterations run as child executions and cannot read the enclosing variables.</summary>
    public bool IsDistributed { get; init; }

    /// <summary>Set for a Distributed Map: its items run as child executions of a Map Run.</summary>
    public DistributedMapConfig? Distributed { get; init; }

    /// <summary>How many iterations may run at once (0: no limit), checking the tolerance paths of an inline Map as AWS does.</summary>
    public int MaxConcurrencyIn(PathScope scope)
    {
        var limit = MaxConcurrencyExpression is not null ? MaxConcurrencyExpression.EvaluateInteger(new JsonataScope(scope.Input, scope.Context, scope.Variables), min: 0)
            : MaxConcurrencyPath is null ? MaxConcurrency : NonNegativeInteger(scope, MaxConcurrencyPath, "MaxConcurrencyPath");
        foreach (var (field, path) in ToleranceChecks)
        {
            NonNegativeInteger(scope, path, field);
        }

        return limit;
    }

    /// <summary>The items of the state's input (ItemsPath, or JSONata Items): a Distributed Map without an ItemReader reads these.</summary>
    internal JsonArray InputItems(JsonNode? input, PathScope scope) => UsesJsonata ? JsonataItems(input, scope) : PathItems(scope);

    private JsonArray PathItems(PathScope scope) =>
        scope.TrySelect(ItemsPath, out var itemsNode) && itemsNode is JsonArray items
            ? items
            : throw StateFailure.InState($"The ItemsPath '{ItemsPath.Text}' of the Map state '{Name}' must point to an array.");

    private JsonArray JsonataItems(JsonNode? input, PathScope scope)
    {
        if (Items is null)
        {
            return input as JsonArray
                ?? throw StateFailure.InState($"Map state input must be an array but was: {input?.ToJsonString() ?? "null"}", StatesErrors.QueryEvaluationError);
        }

        var jsonataScope = new JsonataScope(scope.Input, scope.Context, scope.Variables);
        var value = Items is JsonataField field ? field.Evaluate(jsonataScope, JsonValueKind.Array, "array") : Items.Evaluate(jsonataScope);
        return value as JsonArray
            ?? throw StateFailure.InState($"The Items field must be an array, but was: {value?.ToJsonString() ?? "null"}", StatesErrors.QueryEvaluationError);
    }

    private static int NonNegativeInteger(PathScope scope, JsonPathExpression path, string field)
    {
        if (!scope.TrySelect(path, out var value))
        {
            throw StateFailure.InState($"Invalid path '{path.Text}' : No results for path: {path.Normalized}");
        }

        return JsonData.TryGetDecimal(value, out var n) && n == decimal.Truncate(n) && n >= 0 && n <= int.MaxValue
            ? (int)n
            : throw StateFailure.InState($"The {field} field refers to value \"{WaitState.Shown(value)}\" which is not a valid integer: {path.Text}");
    }
}

/// <summary>The item a Map iteration processes (<c>$$.Map.Item</c>).</summary>
internal sealed record MapItem(int Index, JsonNode? Value);
