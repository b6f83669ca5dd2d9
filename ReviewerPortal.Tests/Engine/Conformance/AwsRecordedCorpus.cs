using System.Text.Json.Nodes;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.Conformance;

/// <summary>
/// The AWS-recorded cases of <c>../shared/conformance/aws-recorded-cases.jsonl</c> (next to the repository, when it is
/// there): a definition, an input and the end AWS itself produced. Their README explains the format.
/// </summary>
public static class AwsRecordedCorpus
{
    public static string File { get; } = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "conformance", "aws-recorded-cases.jsonl"));

    public static bool Present => System.IO.File.Exists(File);

    /// <summary>The JSONPath cases (the JSONata ones wait for the JSONata evaluator).</summary>
    public static IReadOnlyList<JsonObject> JsonPathCases() => Cases(jsonata: false);

    public static IReadOnlyList<JsonObject> JsonataCases() => Cases(jsonata: true);

    private static JsonObject[] Cases(bool jsonata) =>
        [.. System.IO.File.ReadLines(File)
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(c => c["tags"]!.AsArray().Any(t => t!.GetValue<string>() == "jsonata") == jsonata)];

    /// <summary>The first difference between AWS's output and ours, skipping the recording's placeholder paths; null when equal.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, IReadOnlySet<string> dontCare, string path = "")
    {
        if (dontCare.Contains(path))
        {
            return null;
        }

        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                var missing = e.Select(p => p.Key).Except(a.Select(p => p.Key)).Concat(a.Select(p => p.Key).Except(e.Select(p => p.Key))).FirstOrDefault();
                return missing is not null
                    ? $"{path}/{missing}: present on one side only"
                    : e.Select(p => Difference(p.Value, a[p.Key], dontCare, $"{path}/{p.Key}")).FirstOrDefault(d => d is not null);
            case (JsonArray e, JsonArray a):
                return e.Count != a.Count
                    ? $"{path}: {e.Count} items expected, {a.Count} found"
                    : e.Select((item, i) => Difference(item, a[i], dontCare, $"{path}/{i}")).FirstOrDefault(d => d is not null);
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}";
        }
    }

    public static IReadOnlySet<string> DontCare(JsonObject expect) =>
        (expect["dont_care"] as JsonArray ?? []).Select(p => string.Concat(p!.AsArray().Select(s => "/" + s!.ToJsonString().Trim('"')))).ToHashSet();
}

/// <summary>Skips the test, saying why, when the shared corpus is not next to the repository (a plain clone).</summary>
public sealed class AwsRecordedCorpusFactAttribute : FactAttribute
{
    public AwsRecordedCorpusFactAttribute()
    {
        if (!AwsRecordedCorpus.Present)
        {
            Skip = $"The AWS-recorded corpus is not at {AwsRecordedCorpus.File} (it ships beside the repository, in ../shared).";
        }
    }
}
