using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses Choice rules: And/Or/Not or one comparison with its Variable; only top-level rules carry Next.</summary>
internal static class ChoiceRuleParser
{
    private static readonly HashSet<string> Combinators = ["And", "Or", "Not"];
    private static readonly string[] TopLevelOnly = ["Next", "Assign"];

    public static ChoiceRule? Parse(JsonNode? node, string location, ParseContext context, bool topLevel)
    {
        if (node is not JsonObject rule)
        {
            context.Fail(location, "A choice rule must be an object.");
            return null;
        }

        var operators = rule.Select(p => p.Key)
            .Where(k => Combinators.Contains(k) || ComparisonOperator.Find(k) is not null)
            .ToList();
        foreach (var (name, _) in rule)
        {
            if (name is "Condition" or "Output")
            {
                context.Fail($"{location}/{name}", JsonataStateParser.OtherLanguageField(jsonata: false, name));
            }
            else if (name is not "Variable" and not "Next" and not "Comment" && !(topLevel && name == "Assign") && !operators.Contains(name))
            {
                context.Fail($"{location}/{name}", $"The field '{name}' is not a choice rule operator.");
            }
        }

        foreach (var field in TopLevelOnly.Where(f => !topLevel && rule.ContainsKey(f)))
        {
            context.Fail($"{location}/{field}", $"Only top-level choice rules may have '{field}'.");
        }

        if (operators.Count != 1)
        {
            context.Fail(location, operators.Count == 0
                ? "A choice rule needs a comparison operator (e.g. StringEquals) or And/Or/Not."
                : $"A choice rule may have only one operator, not {string.Join(", ", operators)}.");
            return null;
        }

        var op = operators[0];
        return op switch
        {
            "And" or "Or" => ParseList(rule, op, location, context),
            "Not" => Parse(rule["Not"], $"{location}/Not", context, topLevel: false) is { } inner ? new NotRule(inner) : null,
            _ => ParseComparison(rule, op, location, context),
        };
    }

    private static ChoiceRule? ParseList(JsonObject rule, string op, string location, ParseContext context)
    {
        if (rule[op] is not JsonArray { Count: > 0 } list)
        {
            context.Fail($"{location}/{op}", $"'{op}' must be a non-empty array of choice rules.");
            return null;
        }

        var rules = list.Select((r, i) => Parse(r, $"{location}/{op}/{i}", context, topLevel: false)).ToList();
        if (rules.Any(r => r is null))
        {
            return null;
        }

        return op == "And" ? new AndRule(rules!) : new OrRule(rules!);
    }

    private static ComparisonRule? ParseComparison(JsonObject rule, string op, string location, ParseContext context)
    {
        var comparison = ComparisonOperator.Find(op)!;
        var variable = context.Path(context.String(rule, "Variable", location, required: true), $"{location}/Variable", "Variable", reference: false);
        var operand = rule[op];
        JsonNode? literal = null;
        Paths.JsonPathExpression? operandPath = null;
        if (comparison.IsPathForm)
        {
            operandPath = operand is JsonValue pv && pv.GetValueKind() == JsonValueKind.String
                ? context.Path(pv.GetValue<string>(), $"{location}/{op}", op, reference: false)
                : null;
            if (operandPath is null && !(operand is JsonValue p && p.GetValueKind() == JsonValueKind.String))
            {
                context.Fail($"{location}/{op}", $"'{op}' must be a path string.");
            }
        }
        else if (!OperandHasType(operand, comparison))
        {
            context.Fail($"{location}/{op}", $"'{op}' needs a {Describe(comparison.OperandKind)} operand.");
        }
        else
        {
            literal = operand?.DeepClone();
            if (comparison.Kind is >= ComparisonKind.TimestampEquals and <= ComparisonKind.TimestampGreaterThanEquals
                && !ComparisonOperator.TryTimestamp(literal, out _))
            {
                context.Fail($"{location}/{op}", $"'{op}' needs an RFC 3339 timestamp such as 2016-03-14T01:59:00Z.");
            }
        }

        return variable is null ? null : new ComparisonRule(variable, comparison, literal, operandPath);
    }

    private static bool OperandHasType(JsonNode? operand, ComparisonOperator comparison)
    {
        var kind = operand?.GetValueKind() ?? JsonValueKind.Null;
        return comparison.OperandKind == JsonValueKind.True ? kind is JsonValueKind.True or JsonValueKind.False : kind == comparison.OperandKind;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };
}
