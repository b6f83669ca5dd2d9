using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// Reads DynamoDB JSON (<c>{"S": "…"}</c>, <c>{"N": "1"}</c>, <c>{"BOOL": true}</c>, <c>{"M": {…}}</c>, <c>{"L": […]}</c>,
/// <c>{"NULL": true}</c>, <c>{"SS": […]}</c>) as a Task state passes it, into the SDK's attribute values.
/// </summary>
internal static class DynamoDbJson
{
    public static Dictionary<string, AttributeValue> ToItem(JsonObject item)
    {
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in item)
        {
            result[name] = ToValue(name, value);
        }

        return result;
    }

    private static AttributeValue ToValue(string name, JsonNode? node)
    {
        if (node is not JsonObject { Count: 1 } typed)
        {
            throw Invalid(name, "must be an object with exactly one type key (S, N, BOOL, M, L, NULL, SS, NS)");
        }

        var (type, value) = typed.First();
        return type switch
        {
            "S" => new AttributeValue { S = Text(name, value) },
            "N" => new AttributeValue { N = Number(name, value) },
            "BOOL" when value is JsonValue b && b.TryGetValue<bool>(out var flag) => new AttributeValue { BOOL = flag },
            "NULL" => new AttributeValue { NULL = true },
            "M" when value is JsonObject map => new AttributeValue { M = ToItem(map) },
            "L" when value is JsonArray list => new AttributeValue { L = list.Select((v, i) => ToValue($"{name}[{i}]", v)).ToList() },
            "SS" when value is JsonArray set => new AttributeValue { SS = set.Select(v => Text(name, v)).ToList() },
            "NS" when value is JsonArray set => new AttributeValue { NS = set.Select(v => Number(name, v)).ToList() },
            _ => throw Invalid(name, $"has an unsupported or mistyped value for type {type}"),
        };
    }

    private static string Text(string name, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid(name, "S must be a string");

    // Step Functions passes N as a string; a bare JSON number is accepted the way the SDK would serialise it.
    private static string Number(string name, JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => s,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw Invalid(name, "N must be a number in a string"),
    };

    private static ResourceFailedException Invalid(string name, string problem) =>
        new("DynamoDB.ValidationException", $"The attribute {name} {problem}.");
}
