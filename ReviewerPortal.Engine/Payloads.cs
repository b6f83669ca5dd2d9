using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine;

/// <summary>State data as text, with the service's limit: "the maximum input or output size … is 256 KiB" (UTF-8).</summary>
internal static class Payloads
{
    public const int MaxBytes = 256 * 1024;

    /// <param name="what">What the data is, e.g. "output of the state"; <paramref name="stateName"/> completes it.</param>
    public static string Serialize(JsonNode? node, string what, string? stateName = null)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > MaxBytes / 3 && Encoding.UTF8.GetByteCount(text) > MaxBytes
            ? throw new StateFailure(
                StatesErrors.DataLimitExceeded,
                $"The {what}{(stateName is null ? string.Empty : $" '{stateName}'")} has exceeded the maximum number of bytes service limit ({MaxBytes}).")
            : text;
    }

    /// <summary>
    /// How every JSON text the engine receives is read: a duplicate key is an error (AWS answers InvalidDefinition or
    /// InvalidExecutionInput), not a value that breaks a path later.
    /// </summary>
    public static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static JsonNode? Parse(string? text) => string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text, documentOptions: Strict);

    public static bool TryParse(string? text, out JsonNode? node)
    {
        try
        {
            node = Parse(text ?? "{}");
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }
}
