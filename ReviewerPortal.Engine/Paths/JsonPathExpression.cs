using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Paths;

/// <summary>
/// A parsed JSONPath (<c>$…</c>), context-object path (<c>$$…</c>) or variable path (<c>$name…</c>), evaluated over
/// System.Text.Json nodes.
/// A definite path (only names and indexes) selects one value; an indefinite one selects an array of matches.
/// </summary>
internal sealed class JsonPathExpression
{
    internal JsonPathExpression(string text, bool isContext, IReadOnlyList<PathSegment> segments, string? variable = null)
    {
        Text = text;
        IsContext = isContext;
        Variable = variable;
        Segments = segments;
        IsDefinite = segments.All(s => s.IsDefinite);
    }

    public string Text { get; }

    /// <summary>Starts with <c>$$</c>: evaluated over the context object instead of the state's input.</summary>
    public bool IsContext { get; }

    /// <summary>Starts with <c>$name</c>: evaluated over the workflow variable <c>name</c>.</summary>
    public string? Variable { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    /// <summary>A Reference Path in the specification's sense: no wildcards, filters, unions or slices.</summary>
    public bool IsDefinite { get; }

    /// <summary><c>$</c> or <c>$$</c> alone (a bare variable reference is not the root).</summary>
    public bool IsRoot => Segments.Count == 0 && Variable is null;

    public static JsonPathExpression Parse(string text) => JsonPathParser.Parse(text);

    public static bool TryParse(string text, out JsonPathExpression? path, out string? error)
    {
        try
        {
            path = JsonPathParser.Parse(text);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Selects the value at this path; false when nothing matches a definite path. The value is not copied.</summary>
    public bool TrySelect(JsonNode? root, out JsonNode? value)
    {
        var found = SelectFrom(root, Segments);
        if (IsDefinite)
        {
            value = found.Count > 0 ? found[0] : null;
            return found.Count > 0;
        }

        value = new JsonArray([.. found.Select(n => n?.DeepClone())]);
        return true;
    }

    internal static List<JsonNode?> SelectFrom(JsonNode? root, IReadOnlyList<PathSegment> segments)
    {
        var current = new List<JsonNode?> { root };
        foreach (var segment in segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                segment.Select(node, next);
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>The path in bracket notation (<c>$['a'][0]</c>), as AWS's "No results for path" causes show it.</summary>
    public string Normalized =>
        (IsContext ? "$$" : Variable is null ? "$" : "$" + Variable)
        + string.Concat(Segments.Select(s => s switch
        {
            ChildSegment child => $"['{child.Name}']",
            IndexSegment index => $"[{index.Index}]",
            _ => "[*]",
        }));

    public override string ToString() => Text;
}
