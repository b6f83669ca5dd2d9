using System.Globalization;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// The item's timestamps: ISO-8601 UTC strings with a fixed seven fraction digits (<c>2026-11-22T03:04:05.1234567Z</c>),
/// so that they sort as text in the index and round-trip exactly. Reading also accepts the other ISO-8601 forms a
/// template may write (Step Functions' <c>$$.State.EnteredTime</c> has three digits; mixed with ours, only times within
/// the same millisecond can sort out of order).
/// </summary>
public static class IsoTimestamp
{
    private const string WriteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

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

    private static bool HasNegativeOffset(string text) => text.Length > 6 && text[^6] == '-';
}
