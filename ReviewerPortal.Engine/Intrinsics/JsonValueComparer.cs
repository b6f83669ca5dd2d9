using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Intrinsics;

/// <summary>
/// Equality of JSON values as <see cref="JsonNode.DeepEquals"/> sees it (member order does not matter, 1 equals 1.0),
/// with a hash code that agrees with it, so values can be kept in a hash set.
/// </summary>
internal sealed class JsonValueComparer : IEqualityComparer<JsonNode?>
{
    public static JsonValueComparer Instance { get; } = new();

    public bool Equals(JsonNode? x, JsonNode? y) => JsonNode.DeepEquals(x, y);

    public int GetHashCode(JsonNode? obj) => obj switch
    {
        null => 0,
        JsonObject o => o.Aggregate(17, (hash, p) => hash ^ HashCode.Combine(p.Key, GetHashCode(p.Value))),
        JsonArray a => a.Aggregate(19, (hash, item) => HashCode.Combine(hash, GetHashCode(item))),
        JsonValue v when JsonData.TryGetDecimal(v, out var number) => number.GetHashCode(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().GetHashCode(StringComparison.Ordinal),
        _ => obj.GetValueKind().GetHashCode(),
    };
}
