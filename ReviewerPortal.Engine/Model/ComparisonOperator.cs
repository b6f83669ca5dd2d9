using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Model;

internal enum ComparisonKind
{
    StringEquals, StringLessThan, StringGreaterThan, StringLessThanEquals, StringGreaterThanEquals, StringMatches,
    NumericEquals, NumericLessThan, NumericGreaterThan, NumericLessThanEquals, NumericGreaterThanEquals,
    BooleanEquals,
    TimestampEquals, TimestampLessThan, TimestampGreaterThan, TimestampLessThanEquals, TimestampGreaterThanEquals,
    IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp,
}

/// <summary>
/// A Choice comparison operator. A value of the wrong type never matches (the specification: "comparing … values of
/// different types … evaluates to false"); the Is* tests compare the type test with their Boolean operand.
/// </summary>
internal sealed record ComparisonOperator(ComparisonKind Kind, bool IsPathForm)
{
    public string Name => Kind + (IsPathForm ? "Path" : string.Empty);

    /// <summary>The JSON type the operand must have (in its literal form), for the validator.</summary>
    public JsonValueKind OperandKind => Kind switch
    {
        <= ComparisonKind.StringMatches => JsonValueKind.String,
        <= ComparisonKind.NumericGreaterThanEquals => JsonValueKind.Number,
        ComparisonKind.BooleanEquals => JsonValueKind.True,
        <= ComparisonKind.TimestampGreaterThanEquals => JsonValueKind.String,
        _ => JsonValueKind.True,
    };

    public static ComparisonOperator? Find(string field)
    {
        var isPath = field.EndsWith("Path", StringComparison.Ordinal);
        var name = isPath ? field[..^4] : field;
        if (!Enum.TryParse<ComparisonKind>(name, out var kind) || name != kind.ToString()
            || (isPath && kind is ComparisonKind.StringMatches or >= ComparisonKind.IsNull))
        {
            return null;
        }

        return new ComparisonOperator(kind, isPath);
    }

    public bool Test(bool present, JsonNode? value, JsonNode? operand)
    {
        switch (Kind)
        {
            case ComparisonKind.IsPresent:
                return present == AsBool(operand);
            case ComparisonKind.IsNull:
                return (value is null) == AsBool(operand);
            case ComparisonKind.IsNumeric:
                return (KindOf(value) == JsonValueKind.Number) == AsBool(operand);
            case ComparisonKind.IsString:
                return (KindOf(value) == JsonValueKind.String) == AsBool(operand);
            case ComparisonKind.IsBoolean:
                return KindOf(value) is JsonValueKind.True or JsonValueKind.False == AsBool(operand);
            case ComparisonKind.IsTimestamp:
                return (TryTimestamp(value, out _)) == AsBool(operand);
            case ComparisonKind.BooleanEquals:
                return KindOf(value) is JsonValueKind.True or JsonValueKind.False
                    && KindOf(operand) is JsonValueKind.True or JsonValueKind.False
                    && value!.GetValue<bool>() == operand!.GetValue<bool>();
            case ComparisonKind.StringMatches:
                return KindOf(value) == JsonValueKind.String && KindOf(operand) == JsonValueKind.String
                    && WildcardPattern(operand!.GetValue<string>()).IsMatch(value!.GetValue<string>());
            case <= ComparisonKind.StringGreaterThanEquals:
                return KindOf(value) == JsonValueKind.String && KindOf(operand) == JsonValueKind.String
                    && Holds(string.CompareOrdinal(value!.GetValue<string>(), operand!.GetValue<string>()));
            case <= ComparisonKind.NumericGreaterThanEquals:
                return JsonData.TryGetDecimal(value, out var left) && JsonData.TryGetDecimal(operand, out var right)
                    && Holds(left.CompareTo(right));
            default:
                return TryTimestamp(value, out var at) && TryTimestamp(operand, out var other) && Holds(at.CompareTo(other));
        }
    }

    private bool Holds(int comparison) => Kind switch
    {
        ComparisonKind.StringEquals or ComparisonKind.NumericEquals or ComparisonKind.TimestampEquals => comparison == 0,
        ComparisonKind.StringLessThan or ComparisonKind.NumericLessThan or ComparisonKind.TimestampLessThan => comparison < 0,
        ComparisonKind.StringGreaterThan or ComparisonKind.NumericGreaterThan or ComparisonKind.TimestampGreaterThan => comparison > 0,
        ComparisonKind.StringLessThanEquals or ComparisonKind.NumericLessThanEquals or ComparisonKind.TimestampLessThanEquals => comparison <= 0,
        _ => comparison >= 0,
    };

    private static bool AsBool(JsonNode? operand) => KindOf(operand) == JsonValueKind.True;

    private static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Timestamps "must conform to RFC3339 profile ISO 8601, … an uppercase T … and … an uppercase Z" or an offset.</summary>
    public static bool TryTimestamp(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        if (KindOf(node) != JsonValueKind.String)
        {
            return false;
        }

        var text = node!.GetValue<string>();
        return text.Length >= 20 && text[10] == 'T' && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are a literal star and backslash.</summary>
    private static Regex WildcardPattern(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (pattern[i] == '*')
            {
                regex.Append(".*");
            }
            else
            {
                regex.Append(Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
