using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.Asl.Execution;
using ReviewerPortal.Workflow.Asl.Paths;

namespace ReviewerPortal.Workflow.Asl.Model;

/// <summary>Delays for a number of seconds or until a timestamp, given literally or by a path into the input.</summary>
internal sealed class WaitState : State
{
    public override string Type => "Wait";

    public override bool ProducesResult => false;

    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPathExpression? SecondsPath { get; init; }

    public JsonPathExpression? TimestampPath { get; init; }

    public override async ValueTask<StateResult> ExecuteAsync(JsonNode? input, StateRun run)
    {
        var until = Until(input, run);
        await run.SleepUntilAsync(until);
        return new StateResult(input);
    }

    private DateTimeOffset Until(JsonNode? input, StateRun run)
    {
        if (Seconds is { } seconds)
        {
            return run.EnteredTime.AddSeconds(seconds);
        }

        if (Timestamp is { } timestamp)
        {
            return timestamp;
        }

        var scope = run.Scope(input);
        if (SecondsPath is not null)
        {
            return scope.TrySelect(SecondsPath, out var value) && JsonData.TryGetDouble(value, out var s) && s >= 0 && s == Math.Floor(s)
                ? run.EnteredTime.AddSeconds(s)
                : throw new StateFailure(StatesErrors.Runtime, $"The SecondsPath '{SecondsPath.Text}' must point to a non-negative integer.");
        }

        return scope.TrySelect(TimestampPath!, out var node) && ComparisonOperator.TryTimestamp(node, out var at)
            ? at
            : throw new StateFailure(StatesErrors.Runtime, $"The TimestampPath '{TimestampPath!.Text}' must point to an RFC 3339 timestamp string.");
    }

    internal static bool TryParseTimestamp(string text, out DateTimeOffset value) =>
        ComparisonOperator.TryTimestamp(JsonValue.Create(text), out value);
}
