using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Jsonata;

/// <summary>Converts between System.Text.Json nodes and JSONata's value model.</summary>
internal static class JsonConversion
{
    /// <summary>Doubles hold integers exactly up to 2^53; within that an integral result is written as an integer.</summary>
    private const double MaxExactInteger = 9007199254740992;

    public static object? FromNode(JsonNode? node) => node switch
    {
        null => JsonNull.Value,
        JsonObject obj => FromObject(obj),
        JsonArray array => new JList(array.Select(FromNode)),
        JsonValue value => FromValue(value),
        _ => JsonNull.Value,
    };

    private static JMap FromObject(JsonObject obj)
    {
        var map = new JMap();
        foreach (var (key, value) in obj)
        {
            map[key] = FromNode(value);
        }

        return map;
    }

    private static object? FromValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => JsonNull.Value,
    };

    /// <summary>A JSONata value as JSON; undefined members and items are left out, as JSON.stringify does.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or JsonNull => null,
        string s => JsonValue.Create(s),
        double d when !double.IsFinite(d) => throw new JsonataException("D3001", "Attempting to invoke string function on Infinity or NaN"),
        double d when d == Math.Floor(d) && Math.Abs(d) <= MaxExactInteger => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        JList list => new JsonArray(list.Where(item => item is not null && item is not IFunction).Select(ToNode).ToArray()),
        JMap map => ToObject(map),
        _ => null,
    };

    private static JsonObject ToObject(JMap map)
    {
        var obj = new JsonObject();
        foreach (var (key, item) in map)
        {
            if (item is not null and not IFunction)
            {
                obj[key] = ToNode(item);
            }
        }

        return obj;
    }
}
