using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Operations;

/// <summary>
/// One history event as the Operations page's detail dialog shows it: indented JSON in the wire's member names, the
/// time in ISO 8601 rather than epoch seconds, and the JSON that Step Functions carries inside strings (a state's
/// input and output, a task's parameters and result) expanded so it reads as a tree.
/// </summary>
public static class HistoryEventJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Format(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var node = JsonSerializer.SerializeToNode(historyEvent, StepFunctionsJson.Options)!.AsObject();
        node["timestamp"] = historyEvent.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return ExpandEmbeddedJson(node)!.ToJsonString(Indented);
    }

    private static JsonNode? ExpandEmbeddedJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    obj[name] = ExpandEmbeddedJson(obj[name]?.DeepClone());
                }

                return obj;
            case JsonValue value when value.TryGetValue<string>(out var text) && LooksLikeJson(text):
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    return value; // Text that only starts like JSON stays as it was.
                }

            default:
                return node;
        }
    }

    private static bool LooksLikeJson(string text) => text.TrimStart() is ['{', ..] or ['[', ..];
}
