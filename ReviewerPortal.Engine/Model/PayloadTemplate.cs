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

    /// <summary>An object of the fields' values in their order: JSONPath and JSONata object templates build theirs alike.</summary>
    protected static JsonObject ObjectOf<T>(IEnumerable<KeyValuePair<string, T>> fields, Func<T, JsonNode?> evaluate)
    {
        var result = new JsonObject();
        foreach (var (name, template) in fields)
        {
            result[name] = evaluate(template);
        }

        return result;
    }
}

internal sealed record StaticTemplate(JsonNode? Value) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => Value?.DeepClone();
}

internal sealed record ObjectTemplate(IReadOnlyList<KeyValuePair<string, PayloadTemplate>> Fields) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => ObjectOf(Fields, template => template.Evaluate(scope));
}

internal sealed record ArrayTemplate(IReadOnlyList<PayloadTemplate> Items) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => new JsonArray([.. Items.Select(i => i.Evaluate(scope))]);
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
