using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses Retry and Catch; "States.ALL … must appear alone … and in the last Retrier/Catcher".</summary>
internal static class ErrorHandlingParser
{
    private static readonly HashSet<string> RetryFields = ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"];
    private static readonly HashSet<string> CatchFields = ["ErrorEquals", "Next", "ResultPath", "Comment", "Assign", "Output"];

    public static (IReadOnlyList<RetryPolicy> Retry, IReadOnlyList<CatchPolicy> Catch) Parse(JsonObject state, string location, ParseContext context) =>
        (ParseList(state, "Retry", location, context, ParseRetrier), ParseList(state, "Catch", location, context, ParseCatcher));

    private static List<T> ParseList<T>(JsonObject state, string field, string location, ParseContext context, Func<JsonObject, string, bool, ParseContext, T?> parse)
        where T : class
    {
        if (!state.TryGetPropertyValue(field, out var node))
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            context.Fail($"{location}/{field}", $"'{field}' must be an array.");
            return [];
        }

        var result = new List<T>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemLocation = $"{location}/{field}/{i}";
            if (array[i] is not JsonObject item)
            {
                context.Fail(itemLocation, $"Each '{field}' entry must be an object.");
                continue;
            }

            if (parse(item, itemLocation, i == array.Count - 1, context) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    private static RetryPolicy? ParseRetrier(JsonObject retrier, string location, bool isLast, ParseContext context)
    {
        context.CheckFields(retrier, location, "a Retry entry", RetryFields);
        var errors = ParseErrors(retrier, location, isLast, context, "Retrier");
        var jitter = context.String(retrier, "JitterStrategy", location);
        if (jitter is not null and not "FULL" and not "NONE")
        {
            context.Fail($"{location}/JitterStrategy", "'JitterStrategy' must be FULL or NONE.");
        }

        var interval = context.Integer(retrier, "IntervalSeconds", location, min: 1);
        var maxAttempts = context.Integer(retrier, "MaxAttempts", location, min: 0);
        var backoff = context.Number(retrier, "BackoffRate", location, min: 1.0);
        var maxDelay = context.Integer(retrier, "MaxDelaySeconds", location, min: 1);
        return errors is null ? null : new RetryPolicy(errors, interval ?? 1, maxAttempts ?? 3, backoff ?? 2.0, maxDelay, jitter == "FULL" ? JitterStrategy.Full : JitterStrategy.None);
    }

    private static CatchPolicy? ParseCatcher(JsonObject catcher, string location, bool isLast, ParseContext context)
    {
        context.CheckFields(catcher, location, "a Catch entry", CatchFields);
        var errors = ParseErrors(catcher, location, isLast, context, "Catcher");
        var next = context.String(catcher, "Next", location, required: true);
        Paths.JsonPathExpression? resultPath = Paths.JsonPathExpression.Parse("$");
        if (catcher.TryGetPropertyValue("ResultPath", out var node))
        {
            resultPath = node is null ? null
                : node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? context.Path(v.GetValue<string>(), $"{location}/ResultPath", "ResultPath", reference: true, allowContext: false)
                : null;
        }

        var assign = TemplateCompiler.Compile(catcher, "Assign", location, context);
        var output = context.Jsonata ? TemplateCompiler.Compile(catcher, "Output", location, context) : null;
        return errors is null || next is null ? null : new CatchPolicy(errors, next, resultPath, assign, output);
    }

    private static ErrorMatcher? ParseErrors(JsonObject entry, string location, bool isLast, ParseContext context, string what)
    {
        if (entry["ErrorEquals"] is not JsonArray { Count: > 0 } array
            || array.Any(e => e is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            context.Fail($"{location}/ErrorEquals", "'ErrorEquals' must be a non-empty array of error names.");
            return null;
        }

        var errors = array.Select(e => e!.GetValue<string>()).ToList();
        if (errors.Contains(StatesErrors.All) && (errors.Count > 1 || !isLast))
        {
            context.Fail($"{location}/ErrorEquals", $"States.ALL must appear alone in 'ErrorEquals' and only in the last {what}.");
        }

        return new ErrorMatcher(errors);
    }
}
