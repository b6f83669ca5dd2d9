using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// <c>$now</c>, <c>$millis</c>, <c>$fromMillis</c> and <c>$toMillis</c>. Without a picture, times are ISO 8601 in UTC with
/// milliseconds; pictures use XPath's [Y0001]-[M01]-[D01] components (the numeric ones, month and day names, [Z]).
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
        library.Add("toMillis", "<s-s?:n>", (_, a) => a[0] is string s ? ToMillis(s, a[1] as string) : null);
    }

    private static string Format(DateTimeOffset time, string? picture, string? timezone)
    {
        var offset = timezone is null ? TimeSpan.Zero : ParseOffset(timezone);
        var local = time.ToOffset(offset);
        if (picture is null)
        {
            return offset == TimeSpan.Zero
                ? local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                : local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        }

        return local.ToString(ToDotNetFormat(picture), CultureInfo.InvariantCulture);
    }

    private static double? ToMillis(string text, string? picture)
    {
        if (picture is null)
        {
            if (IsoPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
            {
                return iso.ToUnixTimeMilliseconds();
            }

            throw new JsonataException("D3110", $"The timestamp \"{text}\" is not in ISO 8601 format and no picture was given");
        }

        return DateTimeOffset.TryParseExact(text, ToDotNetFormat(picture), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUnixTimeMilliseconds()
            : null;
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

    /// <summary>Turns an XPath picture such as <c>[D01]/[M01]/[Y0001] [H01]:[m01]</c> into a .NET format string.</summary>
    private static string ToDotNetFormat(string picture)
    {
        var format = new StringBuilder();
        var i = 0;
        while (i < picture.Length)
        {
            if (picture[i] == '[' && i + 1 < picture.Length && picture[i + 1] == '[')
            {
                format.Append("'['");
                i += 2;
                continue;
            }

            if (picture[i] != '[')
            {
                format.Append(picture[i] == '\'' ? "\\'" : "'" + picture[i] + "'");
                i++;
                continue;
            }

            var end = picture.IndexOf(']', i);
            if (end < 0)
            {
                throw new JsonataException("D3135", "No matching closing bracket ']' in date/time picture string");
            }

            format.Append(Component(Regex.Replace(picture[(i + 1)..end], @"\s", "")));
            i = end + 1;
        }

        return format.ToString();
    }

    private static string Component(string marker)
    {
        var modifier = marker.Length > 1 ? marker[1..].Split(',')[0] : "";
        var padded = modifier.Length >= 2 && char.IsAsciiDigit(modifier[0]);
        return marker[0] switch
        {
            'Y' => modifier.Length == 2 ? "yy" : "yyyy",
            'M' when modifier.StartsWith('N') => "MMMM",
            'M' => padded ? "MM" : "%M",
            'D' => padded ? "dd" : "%d",
            'F' => "dddd",
            'H' => padded ? "HH" : "%H",
            'h' => padded ? "hh" : "%h",
            'm' => "mm",
            's' => "ss",
            'f' => modifier.Length > 0 ? new string('f', Math.Min(7, modifier.Length)) : "fff",
            'P' => "tt",
            'Z' => "zzz",
            'z' => "'GMT'zzz",
            _ => throw new JsonataException("D3132", $"Unknown component specifier {marker[0]} in date/time picture string"),
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^([+-])(\d{2}):?(\d{2})$")]
    private static partial Regex OffsetPattern();
}
