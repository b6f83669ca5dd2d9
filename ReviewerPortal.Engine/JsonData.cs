using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine;

/// <summary>
/// Reading numbers from JSON values whichever way they were made (parsed text, or CLR numbers from a handler), and
/// handing a node to a new parent (a node may belong to only one tree).
/// </summary>
internal static class JsonData
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue<long>(out var l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue<double>(out var d) && Math.Abs(d) < (double)decimal.MaxValue)
        {
            value = (decimal)d;
            return true;
        }

        // Any other CLR number type: go through its JSON text.
        return decimal.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue(out value))
            {
                return true;
            }

            return double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>The node itself when it has no parent yet, else a copy, so it can be placed in another tree.</summary>
    public static JsonNode? Detached(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();

    /// <summary>
    /// An array of the given values, each placed as it is or copied when already placed, one at a time: the same node
    /// twice in the list (two branches returning one input) is copied the second time.
    /// </summary>
    public static JsonArray ArrayOf(IEnumerable<JsonNode?> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(Detached(value));
        }

        return array;
    }
}
