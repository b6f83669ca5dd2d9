using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>
/// InputPath or OutputPath: a path selecting part of the data, or null in the definition, which per the specification
/// "discards the input" and yields <c>{}</c>.
/// </summary>
internal sealed record DataPath(JsonPathExpression? Path)
{
    public static DataPath Root { get; } = new(JsonPathExpression.Parse("$"));

    public JsonNode? Apply(JsonNode? data, PathScope scope, string field)
    {
        if (Path is null)
        {
            return new JsonObject();
        }

        if (Path.IsRoot && !Path.IsContext)
        {
            return data;
        }

        return scope with { Input = data } is var s && s.TrySelect(Path, out var value)
            ? value
            : throw StateFailure.InState($"Invalid path '{Path.Text}' : No results for path: {Path.Normalized}");
    }
}
