using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewerPortal.Engine.Jsonata;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>
/// The JSONata side of parsing: which QueryLanguage a state uses, which fields each language allows (AWS refuses
/// JSONPath's fields in a JSONata state and the reverse), and the <c>{% %}</c> templates of JSONata fields.
/// </summary>
internal static partial class JsonataStateParser
{
    /// <summary>Fields only JSONPath states have ("Not supported in JSONata": InputPath, Parameters, ResultSelector, …).</summary>
    private static readonly HashSet<string> JsonPathOnly =
    [
        "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "SecondsPath", "TimestampPath",
        "ErrorPath", "CausePath", "ItemsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
        "ToleratedFailurePercentagePath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "Result",
    ];

    /// <summary>Fields only JSONata states have.</summary>
    private static readonly HashSet<string> JsonataOnly = ["Arguments", "Output", "Items", "Condition"];

    private static readonly Dictionary<string, string[]> JsonataAdds = new()
    {
        ["Pass"] = ["Output"],
        ["Task"] = ["Arguments", "Output"],
        ["Choice"] = ["Output"],
        ["Wait"] = ["Output"],
        ["Succeed"] = ["Output"],
        ["Fail"] = [],
        ["Parallel"] = ["Arguments", "Output"],
        ["Map"] = ["Items", "Output"],
    };

    public static string? Language(JsonObject obj, string location, ParseContext context)
    {
        var language = context.String(obj, "QueryLanguage", location);
        if (language is not null and not "JSONPath" and not "JSONata")
        {
            context.Fail($"{location}/QueryLanguage", $"The QueryLanguage '{language}' is not supported: use 'JSONPath' or 'JSONata'.");
            return null;
        }

        return language;
    }

    /// <summary>The fields a state of <paramref name="type"/> accepts in the state's query language.</summary>
    public static IReadOnlySet<string> Allowed(string type, IReadOnlySet<string> jsonPathFields, bool jsonata) =>
        // Fields of the other language are reported by CheckLanguageFields with their own message, not again here.
        jsonata ? jsonPathFields.Concat(JsonataAdds[type]).ToHashSet() : jsonPathFields.Concat(JsonataOnly).ToHashSet();

    /// <summary>Names the language rule a misplaced field breaks, as AWS's validation does, before the generic field check.</summary>
    public static void CheckLanguageFields(JsonObject obj, string location, string name, ParseContext context)
    {
        foreach (var (field, _) in obj)
        {
            if (context.Jsonata && JsonPathOnly.Contains(field))
            {
                context.Fail($"{location}/{field}", OtherLanguageField(jsonata: true, field));
            }
            else if (!context.Jsonata && JsonataOnly.Contains(field))
            {
                context.Fail($"{location}/{field}", OtherLanguageField(jsonata: false, field));
            }
        }
    }

    /// <summary>AWS's SCHEMA_VALIDATION_FAILED text for a field of the other query language.</summary>
    public static string OtherLanguageField(bool jsonata, string field) => jsonata
        ? $"The QueryLanguage is set to 'JSONata', but field '{field}' is only supported for the 'JSONPath' QueryLanguage"
        : $"The QueryLanguage is set to 'JSONPath', but field '{field}' is only supported for the 'JSONata' QueryLanguage";

    /// <summary>A state may turn JSONata on inside a JSONPath state machine, never the reverse.</summary>
    public static void CheckOverride(string? own, string location, ParseContext context)
    {
        if (own == "JSONPath" && context.DefaultJsonata)
        {
            context.Fail($"{location}/QueryLanguage", "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
        }
    }

    public static JsonataFields? Fields(JsonObject obj, string location, ParseContext context) =>
        context.Jsonata
            ? new JsonataFields(Field(obj, "Arguments", location, context), Field(obj, "Output", location, context))
            : null;

    public static JsonataTemplate? Field(JsonObject obj, string field, string location, ParseContext context) =>
        obj.TryGetPropertyValue(field, out var node) ? Template(node, $"{location}/{field}", context) : null;

    /// <summary>Compiles a value with <c>{% %}</c> expressions; a syntax error is reported at its location.</summary>
    public static JsonataTemplate? Template(JsonNode? node, string location, ParseContext context)
    {
        if (UnclosedExpression(node) is not null)
        {
            context.Fail(location, "JSONata string must start with {% and end with %}");
            return null;
        }

        try
        {
            var template = JsonataTemplate.Compile(node, FieldName(location));
            foreach (var field in template.Expressions().Where(f => f.Expression.ReadsContextAtTopLevel))
            {
                context.Fail(location, $"The JSONata expression '{field.Expression.Source}' in {field.Field} reads '$', '$$' or a field name at its top level; a state's data is $states.input (or $states.result, $states.errorOutput, $states.context).");
            }

            return template;
        }
        catch (JsonataException e)
        {
            context.Fail(location, $"The JSONata expression at {location} is not valid: {e.Message}");
            return null;
        }
    }

    /// <summary>A JSONata Choice rule: a Condition that must be a <c>{% %}</c> expression or a boolean.</summary>
    public static ChoiceRule? Condition(JsonObject rule, string location, ParseContext context)
    {
        // A JSONPath rule's fields (Variable, the comparison operators, And/Or/Not) get the language message, as AWS gives it.
        var allowed = new HashSet<string>(["Condition", "Next", "Assign", "Output", "Comment"]);
        foreach (var (field, _) in rule.Where(f => !allowed.Contains(f.Key) && IsJsonPathRuleField(f.Key)))
        {
            context.Fail($"{location}/{field}", OtherLanguageField(jsonata: true, field));
        }

        if (!rule.TryGetPropertyValue("Condition", out var condition))
        {
            context.Fail(location, "A Choice rule of a JSONata state needs a 'Condition'.");
            return null;
        }

        context.CheckFields(rule, location, "a JSONata Choice rule", allowed.Concat(rule.Select(f => f.Key).Where(IsJsonPathRuleField)).ToHashSet());
        return Template(condition, $"{location}/Condition", context) is { } template ? new JsonataCondition(template) : null;
    }

    /// <summary>A string that opens a <c>{%</c> expression without closing it: AWS refuses it rather than keep it as text.</summary>
    private static string? UnclosedExpression(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is var text
            && text.StartsWith("{%", StringComparison.Ordinal) && !text.EndsWith("%}", StringComparison.Ordinal) => text,
        JsonObject o => o.Select(p => UnclosedExpression(p.Value)).FirstOrDefault(t => t is not null),
        JsonArray a => a.Select(UnclosedExpression).FirstOrDefault(t => t is not null),
        _ => null,
    };

    private static bool IsJsonPathRuleField(string field) =>
        field is "Variable" or "And" or "Or" or "Not" || ComparisonOperator.Find(field) is not null;

    /// <summary>AWS names a field by its path inside the state: <c>Output</c>, <c>Output/result</c>, <c>Assign/x</c>.</summary>
    private static string FieldName(string location) => StatePrefix().Replace(location, "");

    [GeneratedRegex("^.*/States/[^/]+/")]
    private static partial Regex StatePrefix();

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
