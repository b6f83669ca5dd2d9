using System.Globalization;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// <c>$now</c>, <c>$millis</c>, <c>$fromMillis</c> and <c>$toMillis</c>. Without a picture, times are ISO 8601 in UTC with
/// milliseconds; pictures are XPath date/time pictures (<see cref="DateTimePicture"/>, <see cref="DateTimeParser"/>).
/// One evaluation sees one "now", as in JSONata.
/// </summary>
internal static partial class DateTimeFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Add("now", "<s?s?:s>", (e, a) => Format(e.Now, a[0] as string, a[1] as string));
        library.Add("millis", "<:n>", (e, _) => (double)e.Now.ToUnixTimeMilliseconds());
        library.Add("fromMillis", "<n-s?s?:s>", (_, a) => a[0] is double ms
            ? Format(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(ms)), a[1] as string, a[2] as string)
            : null);
        library.Add("toMillis", "<s-s?:n>", (e, a) => a[0] is string s ? ToMillis(s, a[1] as string, e.Now) : null);
    }

    private static string Format(DateTimeOffset time, string? picture, string? timezone)
    {
        var offset = timezone is null ? TimeSpan.Zero : ParseOffset(timezone);
        return DateTimePicture.Format(time.ToOffset(offset), picture ?? DateTimePicture.Iso8601);
    }

    private static double? ToMillis(string text, string? picture, DateTimeOffset now)
    {
        if (picture is null)
        {
            if (IsoPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
            {
                return iso.ToUnixTimeMilliseconds();
            }

            throw new JsonataException("D3110", $"The timestamp \"{text}\" is not in ISO 8601 format and no picture was given");
        }

        return DateTimeParser.Parse(text, picture, now);
    }

    private static TimeSpan ParseOffset(string timezone)
    {
        var m = OffsetPattern().Match(timezone);
        if (!m.Success)
        {
            throw new JsonataException("D3134", $"The timezone \"{timezone}\" is not in the form ±HHMM");
        }

        var span = new TimeSpan(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), 0);
        return m.Groups[1].Value == "-" ? -span : span;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^([+-])(\d{2}):?(\d{2})$")]
    private static partial Regex OffsetPattern();
}
