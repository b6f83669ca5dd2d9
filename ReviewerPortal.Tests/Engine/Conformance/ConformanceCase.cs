using System.Text.Json.Nodes;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.Conformance;

/// <summary>
/// One conformance case as data (Conformance/*.json): a definition, an input, optional steps (callbacks, clock moves,
/// restarts) and the expected end — status with output, or error and cause. <c>moto</c> is "compare" when moto's
/// Step Functions server must produce the same result, otherwise the reason it cannot.
/// </summary>
public sealed record ConformanceCase(string File, string Name, JsonObject Body)
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "ReviewerPortal.Tests", "Engine", "Conformance");

    public JsonObject Definition => Body["definition"]!.AsObject();

    public JsonObject? Child => Body["child"] as JsonObject;

    public string Input => Body["input"]?.ToJsonString() ?? "{}";

    public JsonArray Steps => Body["steps"] as JsonArray ?? [];

    public bool Durable => Body["durable"]?.GetValue<bool>() == true;

    public JsonObject Expect => Body["expect"]!.AsObject();

    public bool ComparableWithMoto => Body["moto"]?.GetValue<string>() == "compare";

    public static IEnumerable<ConformanceCase> All() =>
        Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).SelectMany(path =>
            JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject()
                .Select(pair => new ConformanceCase(Path.GetFileNameWithoutExtension(path), pair.Key, pair.Value!.AsObject())));

    public static ConformanceCase Find(string id) => All().Single(c => c.Id == id);

    public string Id => $"{File}/{Name}";

    public override string ToString() => Id;
}
