using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Variables;

namespace ReviewerPortal.Engine.Paths;

/// <summary>
/// What paths are evaluated against: the state's input (<c>$</c>), the context object (<c>$$</c>) and the workflow
/// variables (<c>$name</c>).
/// </summary>
internal readonly record struct PathScope(JsonNode? Input, ContextObject? Context, VariableScope? Variables = null)
{
    public bool TrySelect(JsonPathExpression path, out JsonNode? value)
    {
        if (path.Variable is null)
        {
            return path.TrySelect(path.IsContext ? Context?.Node : Input, out value);
        }

        // A variable's stored value is shared by every later reader: hand out a copy of what the path selects.
        if (Variables is null || !Variables.TryGet(path.Variable, out var variable) || !path.TrySelect(variable, out value))
        {
            value = null;
            return false;
        }

        value = value?.DeepClone();
        return true;
    }
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
