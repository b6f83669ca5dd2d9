using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Tests.Engine.Redrive;

/// <summary>
/// Local functions for redrive tests: each counts its calls per input, and the "flaky" ones fail until the test
/// repairs them — the situation an operator redrives after (a downstream outage that has since ended).
/// </summary>
public sealed class RedriveFunctions
{
    private readonly ConcurrentDictionary<string, int> calls = new();

    private volatile bool repaired;

    public bool Repaired
    {
        get => repaired;
        set => repaired = value;
    }

    public IEnumerable<LocalFunction> All =>
    [
        new("steady", (input, _) => Task.FromResult<JsonNode?>(Count("steady", input))),
        new("flaky", (input, _) => Repaired || input?["fails"]?.GetValue<bool>() != true
            ? Task.FromResult<JsonNode?>(Count("flaky", input))
            : throw new InvalidOperationException(Count("flaky", input).ToJsonString() + " is down")),
    ];

    /// <summary>Calls of one function with one input (the input's JSON text), or of the function with any input.</summary>
    public int CallsOf(string function, string? input = null) =>
        input is null ? calls.Where(c => c.Key.StartsWith(function + "|", StringComparison.Ordinal)).Sum(c => c.Value) : calls.GetValueOrDefault(function + "|" + input);

    private JsonObject Count(string function, JsonNode? input)
    {
        calls.AddOrUpdate(function + "|" + (input?.ToJsonString() ?? "null"), 1, (_, n) => n + 1);
        return new JsonObject { ["from"] = function, ["input"] = input?.DeepClone() };
    }
}
