using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Intrinsics;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>
/// A compiled Parameters / ResultSelector / ItemSelector / Result template: fields whose name ends in <c>.$</c> take a
/// path's value or an intrinsic function's result; every other value is copied as written.
/// </summary>
internal abstract record PayloadTemplate
{
    public abstract JsonNode? Evaluate(PathScope scope);

    // The JSON shape both query languages' templates share. JSONata has its own constant, object and array nodes only
    // because its scope ($states.result, $states.errorOutput) must reach every expression below them; what the nodes
    // build is made here, once for both.

    /// <summary>A constant as written: a copy, so that no evaluation shares a node with the definition.</summary>
    protected static JsonNode? Copy(JsonNode? value) => value?.DeepClone();

    /// <summary>An object of the fields' values in their order.</summary>
    protected static JsonObject ObjectOf<T>(IEnumerable<KeyValuePair<string, T>> fields, Func<T, JsonNode?> evaluate)
    {
        var result = new JsonObject();
        foreach (var (name, template) in fields)
        {
            result[name] = evaluate(template);
        }

        return result;
    }

    /// <summary>An array of the items' values in their order.</summary>
    protected static JsonArray ArrayOf<T>(IEnumerable<T> items, Func<T, JsonNode?> evaluate) => new([.. items.Select(evaluate)]);
}

internal sealed record StaticTemplate(JsonNode? Value) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => Copy(Value);
}

internal sealed record ObjectTemplate(IReadOnlyList<KeyValuePair<string, PayloadTemplate>> Fields) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => ObjectOf(Fields, template => template.Evaluate(scope));
}

internal sealed record ArrayTemplate(IReadOnlyList<PayloadTemplate> Items) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => ArrayOf(Items, template => template.Evaluate(scope));
}

/// <summary>
/// <c>"field.$": "$.path"</c>. The specification names States.ParameterPathFailure for a path that is not found, but AWS
/// (recorded) fails such a state with States.Runtime, which neither Retry nor Catch with States.ALL handles.
/// </summary>
internal sealed record PathTemplate(string Field, JsonPathExpression Path) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) =>
        scope.TrySelect(Path, out var value)
            ? (Path.Variable is null ? value?.DeepClone() : value)
            : throw StateFailure.InState(
                $"The JSONPath '{Path.Text}' specified for the field '{Field}.$' could not be found in the input '{Shown(scope.Input)}'");

    /// <summary>The input as the cause shows it: compact JSON, cut short so a large input cannot bloat the history.</summary>
    internal static string Shown(JsonNode? input)
    {
        var text = input?.ToJsonString() ?? "null";
        return text.Length <= 1024 ? text : text[..1024] + "…";
    }
}

internal sealed record IntrinsicTemplate(IntrinsicCall Call) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => Call.Evaluate(scope);
}
