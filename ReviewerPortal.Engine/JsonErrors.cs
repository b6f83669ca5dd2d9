using System.Text.Json;

namespace ReviewerPortal.Engine;

/// <summary>
/// Says what is wrong with a JSON text in the engine's own words: the parser's message names .NET types and options
/// (e.g. "JsonDocumentOptions"), and no .NET text may reach an API caller or a history event.
/// </summary>
internal static class JsonErrors
{
    public static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}" : string.Empty;
        var what = e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) ? "a duplicate key"
            : e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? "nesting deeper than 64 levels"
            : "invalid JSON";
        return what + where;
    }
}
