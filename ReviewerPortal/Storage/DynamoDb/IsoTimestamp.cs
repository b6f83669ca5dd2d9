using System.Globalization;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// The item's timestamps: ISO-8601 UTC strings with exactly three fraction digits (<c>2026-11-22T03:04:05.000Z</c>),
/// so that they sort as text in the index. Reading also accepts other ISO-8601 forms a template may write.
/// </summary>
public static class IsoTimestamp
{
    private const string WriteFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly string[] ReadFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(WriteFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO-8601 timestamp with a zone (<c>Z</c> or an offset); anything else is refused.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || HasNegativeOffset(text)))
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(text, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Whole milliseconds, as stored: comparisons with a stored value must use the same precision.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static bool HasNegativeOffset(string text) => text.Length > 6 && text[^6] == '-';
}
