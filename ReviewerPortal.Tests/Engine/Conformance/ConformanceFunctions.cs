using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Tests.Engine.Conformance;

/// <summary>The local Lambda functions the conformance cases call: echo, fail, flaky (fails N times) and sleep.</summary>
public sealed class ConformanceFunctions(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    public IEnumerable<LocalFunction> All =>
    [
        new("echo", (payload, _) => Task.FromResult(payload)),
        new("fail", (payload, _) => throw new ResourceFailedException(payload?["error"]?.GetValue<string>() ?? "Failed", payload?["cause"]?.GetValue<string>() ?? string.Empty)),
        new("flaky", (payload, _) => Task.FromResult<JsonNode?>(Flaky(payload))),
        new("sleep", SleepAsync),
    ];

    private JsonObject Flaky(JsonNode? payload)
    {
        var key = payload?["key"]?.GetValue<string>() ?? "default";
        var call = calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (call <= (payload?["failures"]?.GetValue<int>() ?? 0))
        {
            throw new ResourceFailedException("Flaky.Error", $"call {call} of {key}");
        }

        var result = new JsonObject { ["calls"] = call };
        if (payload?["retry"] is { } retry)
        {
            result["retry"] = retry.DeepClone();
        }

        return result;
    }

    private async Task<JsonNode?> SleepAsync(JsonNode? payload, CancellationToken cancellation)
    {
        var seconds = payload?["seconds"]?.GetValue<int>() ?? 1;
        await Task.Delay(TimeSpan.FromSeconds(seconds), time, cancellation);
        return new JsonObject { ["slept"] = seconds };
    }
}
