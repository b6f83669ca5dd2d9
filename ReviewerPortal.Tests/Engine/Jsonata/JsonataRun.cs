using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Jsonata;

namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>Evaluates an expression against a JSON document and gives the result as compact JSON, or "undefined".</summary>
internal static class JsonataRun
{
    /// <summary>A small study-review document the expression tests query.</summary>
    public const string Studies = """
        {
          "patient": { "name": "Ada Byron", "age": 36, "tags": ["urgent", "ct"] },
          "studies": [
            { "id": "S1", "modality": "CT", "priority": 2, "series": [ { "images": 120 }, { "images": 80 } ] },
            { "id": "S2", "modality": "MR", "priority": 1, "series": [ { "images": 40 } ] },
            { "id": "S3", "modality": "CT", "priority": 3, "series": [] }
          ],
          "reviewers": [
            { "name": "Lee", "queue": "urgent" },
            { "name": "Kim", "queue": "routine" },
            { "name": "Ana", "queue": "urgent" }
          ]
        }
        """;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Eval(string expression, string input = Studies, JsonataLimits? limits = null)
    {
        var result = JsonataExpression.Parse(expression).Evaluate(JsonNode.Parse(input), limits: limits,
            now: new DateTimeOffset(2026, 12, 7, 10, 30, 0, TimeSpan.Zero));
        return result.IsDefined ? result.Value?.ToJsonString(Readable) ?? "null" : "undefined";
    }

    public static JsonataException Error(string expression, string input = Studies, JsonataLimits? limits = null)
    {
        try
        {
            Eval(expression, input, limits);
        }
        catch (JsonataException e)
        {
            return e;
        }

        throw new InvalidOperationException($"'{expression}' evaluated without an error.");
    }
}
