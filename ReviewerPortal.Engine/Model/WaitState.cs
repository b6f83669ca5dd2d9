using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>Delays for a number of seconds or until a timestamp, given literally or by a path into the input.</summary>
internal sealed class WaitState : State
{
    public override string Type => "Wait";

    public override bool ProducesResult => false;

    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPathExpression? SecondsPath { get; init; }

    public JsonPathExpression? TimestampPath { get; init; }

    /// <summary>JSONata: <c>"Seconds": "{% … %}"</c>.</summary>
    public JsonataTemplate? SecondsExpression { get; init; }

    /// <summary>JSONata: <c>"Timestamp": "{% … %}"</c>.</summary>
    public JsonataTemplate? TimestampExpression { get; init; }

    /// <summary>When the wait ends, for a state entered at <paramref name="entered"/> with the input of <paramref name="scope"/>.</summary>
    public DateTimeOffset Until(PathScope scope, DateTimeOffset entered)
    {
        if (Seconds is { } seconds)
        {
            return Later(entered, seconds);
        }

        if (Timestamp is { } timestamp)
        {
            return timestamp;
        }

        if (SecondsExpression is not null || TimestampExpression is not null)
        {
            return JsonataUntil(scope, entered);
        }

        if (SecondsPath is not null)
        {
            if (!scope.TrySelect(SecondsPath, out var value))
            {
                throw StateFailure.InState($"Invalid path '{SecondsPath.Text}' : No results for path: {SecondsPath.Normalized}");
            }

            return JsonData.TryGetDouble(value, out var s) && s == Math.Floor(s)
                ? s >= 0 ? Later(entered, s) : throw StateFailure.InState($"The SecondsPath parameter references a negative value: {SecondsPath.Text} == {Shown(value)}")
                : throw StateFailure.InState($"The SecondsPath parameter cannot be parsed as a long value: {SecondsPath.Text} == {Shown(value)}");
        }

        return scope.TrySelect(TimestampPath!, out var node) && ComparisonOperator.TryTimestamp(node, out var at)
            ? at
            : throw StateFailure.InState(
                $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {TimestampPath!.Text} == {Shown(node)}");
    }

    private DateTimeOffset JsonataUntil(PathScope scope, DateTimeOffset entered)
    {
        if (SecondsExpression is not null)
        {
            var value = SecondsExpression.Evaluate(scope);
            return JsonData.TryGetDouble(value, out var s) && s == Math.Floor(s) && s >= 0
                ? Later(entered, s)
                : throw StateFailure.InState($"The Seconds field must be a non-negative integer, but was: {Shown(value)}", StatesErrors.QueryEvaluationError);
        }

        var node = TimestampExpression!.Evaluate(scope);
        return ComparisonOperator.TryTimestamp(node, out var at)
            ? at
            : throw StateFailure.InState($"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {Shown(node)}", StatesErrors.QueryEvaluationError);
    }

    /// <summary>A time that many seconds later; a number of seconds past the calendar's end waits forever instead of throwing.</summary>
    private static DateTimeOffset Later(DateTimeOffset from, double seconds) =>
        seconds < (DateTimeOffset.MaxValue - from).TotalSeconds ? from.AddSeconds(seconds) : DateTimeOffset.MaxValue;

    /// <summary>A value as AWS's causes show it: strings without quotes, anything else as JSON.</summary>
    internal static string Shown(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "null";

    internal static bool TryParseTimestamp(string text, out DateTimeOffset value) =>
        ComparisonOperator.TryTimestamp(JsonValue.Create(text), out value);
}
