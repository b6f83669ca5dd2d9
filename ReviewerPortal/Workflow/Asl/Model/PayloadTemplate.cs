using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.Asl.Intrinsics;
using ReviewerPortal.Workflow.Asl.Paths;

namespace ReviewerPortal.Workflow.Asl.Model;

/// <summary>
/// A compiled Parameters / ResultSelector / ItemSelector / Result template: fields whose name ends in <c>.$</c> take a
/// path's value or an intrinsic function's result; every other value is copied as written.
/// </summary>
internal abstract record PayloadTemplate
{
    public abstract JsonNode? Evaluate(PathScope scope);
}

internal sealed record StaticTemplate(JsonNode? Value) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => Value?.DeepClone();
}

internal sealed record ObjectTemplate(IReadOnlyList<KeyValuePair<string, PayloadTemplate>> Fields) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope)
    {
        var result = new JsonObject();
        foreach (var (name, template) in Fields)
        {
            result[name] = template.Evaluate(scope);
        }

        return result;
    }
}

internal sealed record ArrayTemplate(IReadOnlyList<PayloadTemplate> Items) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => new JsonArray([.. Items.Select(i => i.Evaluate(scope))]);
}

/// <summary>
/// <c>"field.$": "$.path"</c>; "If the path … is not found, the state fails with States.ParameterPathFailure"
/// ("The JsonPath argument … could not be found in the input").
/// </summary>
internal sealed record PathTemplate(string Field, JsonPathExpression Path) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) =>
        scope.TrySelect(Path, out var value)
            ? value?.DeepClone()
            : throw new StateFailure(
                StatesErrors.ParameterPathFailure,
                $"The JSONPath '{Path.Text}' specified for the field '{Field}.$' could not be found in the {(Path.IsContext ? "context object" : "input")}.");
}

internal sealed record IntrinsicTemplate(IntrinsicCall Call) : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => Call.Evaluate(scope);
}
