using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Paths;

/// <summary>
/// A filter expression <c>?(@.path)</c> (existence) or <c>?(@.path op literal)</c> with ==, !=, &lt;, &lt;=, &gt;, &gt;=;
/// the subset of Jayway filters workflows use to pick items.
/// </summary>
internal sealed record JsonPathFilter(IReadOnlyList<PathSegment> Relative, string? Operator, JsonNode? Literal)
{
    public bool Matches(JsonNode? item)
    {
        var found = JsonPathExpression.SelectFrom(item, Relative);
        if (found.Count == 0)
        {
            return false;
        }

        if (Operator is null)
        {
            return true;
        }

        var value = found[0];
        return Operator switch
        {
            "==" => JsonNode.DeepEquals(value, Literal),
            "!=" => !JsonNode.DeepEquals(value, Literal),
            _ => Compare(value, Literal) is { } c && Operator switch
            {
                "<" => c < 0,
                "<=" => c <= 0,
                ">" => c > 0,
                ">=" => c >= 0,
                _ => false,
            },
        };
    }

    private static int? Compare(JsonNode? left, JsonNode? right)
    {
        if (left is JsonValue l && right is JsonValue r)
        {
            if (JsonData.TryGetDecimal(l, out var ln) && JsonData.TryGetDecimal(r, out var rn))
            {
                return ln.CompareTo(rn);
            }

            if (l.GetValueKind() == JsonValueKind.String && r.GetValueKind() == JsonValueKind.String)
            {
                return string.CompareOrdinal(l.GetValue<string>(), r.GetValue<string>());
            }
        }

        return null;
    }
}
