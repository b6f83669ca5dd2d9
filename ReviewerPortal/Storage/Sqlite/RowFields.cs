using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>
/// Typed reads of one <c>review_tasks</c> row that collect a plain sentence per fault instead of throwing at the first,
/// so an operator sees everything wrong with a row at once. The STRICT table guarantees types, not meanings: a text
/// column can hold an unknown urgency or an empty token, an integer a time out of range.
/// </summary>
internal sealed class RowFields(SqliteDataReader row)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public string Text(int ordinal, string name)
    {
        var text = row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            _problems.Add(text is null ? $"{name} is missing" : $"{name} is empty");
            return string.Empty;
        }

        return text;
    }

    /// <summary>An enum stored as its lower- or upper-case name; numbers and unknown names are faults.</summary>
    public TEnum Choice<TEnum>(int ordinal, string name)
        where TEnum : struct, Enum
    {
        var text = Text(ordinal, name);
        if (text.Length > 0 && (!text.All(char.IsLetter) || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)))
        {
            _problems.Add($"{name} is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
            return default;
        }

        return text.Length == 0 ? default : Enum.Parse<TEnum>(text, ignoreCase: true);
    }

    /// <summary>UTC ticks; a value outside what a date can hold is a fault.</summary>
    public DateTimeOffset Time(int ordinal, string name)
    {
        var ticks = row.IsDBNull(ordinal) ? -1 : row.GetInt64(ordinal);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            _problems.Add($"{name} is not a valid time");
            return default;
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public T? Json<T>(int ordinal, string name, JsonSerializerOptions options)
        where T : class
    {
        if (row.IsDBNull(ordinal))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(row.GetString(ordinal), options);
        }
        catch (JsonException)
        {
            _problems.Add($"{name} is not valid JSON");
            return null;
        }
    }
}
