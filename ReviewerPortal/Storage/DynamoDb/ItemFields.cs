using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Reads typed fields from one DynamoDB item and collects a plain sentence for each fault instead of throwing at the
/// first, so an operator sees everything wrong with an item at once. Never quotes a value (it may be PHI).
/// </summary>
internal sealed class ItemFields(IReadOnlyDictionary<string, AttributeValue> item)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public bool Has(string name) => item.TryGetValue(name, out var value) && value.NULL != true;

    public string RequiredString(string name)
    {
        var text = OptionalString(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (text is null && !Has(name))
            {
                _problems.Add($"{name} is missing");
            }
            else if (text is not null)
            {
                _problems.Add($"{name} is empty");
            }

            return string.Empty;
        }

        return text;
    }

    public string? OptionalString(string name)
    {
        if (!item.TryGetValue(name, out var value) || value.NULL == true)
        {
            return null;
        }

        if (value.S is null)
        {
            _problems.Add($"{name} is not a string");
            return null;
        }

        return value.S;
    }

    public DateTimeOffset RequiredTimestamp(string name)
    {
        var text = RequiredString(name);
        return text.Length == 0 ? default : ParseTimestamp(name, text);
    }

    public DateTimeOffset? OptionalTimestamp(string name)
    {
        var text = OptionalString(name);
        return text is null ? null : ParseTimestamp(name, text);
    }

    /// <summary>A number written as N, or as a numeric S (States.Format produces strings).</summary>
    public long? OptionalNumber(string name)
    {
        if (!item.TryGetValue(name, out var value) || value.NULL == true)
        {
            return null;
        }

        var text = value.N ?? value.S;
        if (text is not null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _problems.Add($"{name} is not a whole number");
        return null;
    }

    public bool OptionalBool(string name) =>
        item.TryGetValue(name, out var value) && (value.BOOL ?? string.Equals(value.S, "true", StringComparison.OrdinalIgnoreCase));

    public TEnum RequiredEnum<TEnum>(string name, TryParseWire<TEnum> parse, string allowed)
        where TEnum : struct, Enum
    {
        var text = RequiredString(name);
        if (text.Length == 0)
        {
            return default;
        }

        if (!parse(text, out var result))
        {
            _problems.Add($"{name} is not one of {allowed}");
        }

        return result;
    }

    /// <summary>A nested map (the decision), read with its own field reader whose faults are reported under its name.</summary>
    public ItemFields? OptionalMap(string name)
    {
        if (!item.TryGetValue(name, out var value) || value.NULL == true)
        {
            return null;
        }

        if (value.M is null)
        {
            _problems.Add($"{name} is not a map");
            return null;
        }

        return new ItemFields(value.M);
    }

    public void AddProblemsOf(string prefix, ItemFields nested) =>
        _problems.AddRange(nested.Problems.Select(p => $"{prefix}.{p}"));

    public void AddProblem(string problem) => _problems.Add(problem);

    private DateTimeOffset ParseTimestamp(string name, string text)
    {
        if (IsoTimestamp.TryParse(text, out var parsed))
        {
            return parsed;
        }

        _problems.Add($"{name} is not an ISO-8601 timestamp with a zone");
        return default;
    }
}

internal delegate bool TryParseWire<TEnum>(string? value, out TEnum result);
