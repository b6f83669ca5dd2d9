using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>
/// The work a Map Run's children do, one local function per test: it counts the invocations that completed per item
/// <c>n</c>, fails the items listed in <see cref="Broken"/> (until the test "fixes the cause") and holds the item in
/// <see cref="Hold"/> until the engine shuts down.
/// </summary>
internal sealed class MapRunItemWork
{
    public const string Processor = """
        {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
        """;

    private readonly ConcurrentDictionary<int, int> completed = new();

    public IReadOnlySet<int> Broken { get; set; } = new HashSet<int>();

    public int? Hold { get; set; }

    public LocalFunction Function => new("work", async (payload, cancellation) =>
    {
        var n = payload!["n"]!.GetValue<int>();
        if (n == Hold)
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }

        completed.AddOrUpdate(n, 1, (_, count) => count + 1);
        if (Broken.Contains(n))
        {
            throw new InvalidOperationException($"item {n} is broken");
        }

        return (JsonNode?)payload;
    });

    /// <summary>How many invocations completed per item, in item order.</summary>
    public IReadOnlyDictionary<int, int> Completed => new SortedDictionary<int, int>(completed);
}
