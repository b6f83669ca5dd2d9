using System.Text.Json.Nodes;

namespace ReviewerPortal.Workflow.Asl.Paths;

/// <summary>What paths are evaluated against: the state's input (<c>$</c>) and the context object (<c>$$</c>).</summary>
internal readonly record struct PathScope(JsonNode? Input, ContextObject? Context)
{
    public bool TrySelect(JsonPathExpression path, out JsonNode? value) =>
        path.TrySelect(path.IsContext ? Context?.Node : Input, out value);
}

/// <summary>
/// The context object (<c>$$</c>) of one state attempt. It is built only when a path reads it, because most states
/// never do and building it copies the execution's input.
/// </summary>
internal abstract class ContextObject
{
    private JsonNode? node;

    public JsonNode Node => node ??= Build();

    protected abstract JsonNode Build();
}
