using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// <c>$toMillis(timestamp, picture)</c>: the picture becomes a pattern, each marker reads its component, and the
/// instant is assembled the way JSONata does. The picture must give one run of components from most to least
/// significant (year, month, day / year, day of year; hour, minute, second, fraction / am-pm and 12-hour clock):
/// components above the run come from "now", components below it are their lowest value, and a gap inside the run
/// is error D3136. A timestamp that does not match the picture is undefined.
/// </summary>
internal static class DateTimeParser
{
    public static double? Parse(string timestamp, string picture, DateTimeOffset now)
    {
        var parts = DateTimePicture.Analyse(picture);
        var pattern = "^" + string.Concat(parts.Select(p => "(" + (p is DateTimeMarker m ? DateTimePicture.Pattern(m) : Regex.Escape((string)p)) + ")")) + "$";
        var match = Regex.Match(timestamp, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return null;
        }

        var components = new Dictionary<char, int>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is DateTimeMarker marker && DateTimePicture.Read(marker, match.Groups[i + 1].Value) is { } value)
            {
                components[marker.Component] = value;
            }
        }

        if (components.Count == 0)
        {
            return null;
        }

        var dateByDayOfYear = !Is("YMD", "XxWwd") && Is("Yd", "XMxWwD");
        var weekDate = Is("Xxw", "YMWdD") || Is("XW", "YMxwdD");
        var twelveHour = !Is("Hmsf", "Ph") && Is("Phmsf", "H");
        if (weekDate)
        {
            throw MissingComponents();
        }

        // JSONata's reference lists year and day of month here for a day-of-year date, so it refuses a day-of-year
        // date with a time (D3136); the rules it documents mean year and day of year, which is what this follows.
        var run = (dateByDayOfYear ? "Yd" : "YMD") + (twelveHour ? "Phmsf" : "Hmsf");
        var started = false;
        var ended = false;
        foreach (var part in run)
        {
            if (components.ContainsKey(part))
            {
                started = true;
                if (ended)
                {
                    throw MissingComponents();
                }
            }
            else if (started)
            {
                components[part] = part is 'M' or 'D' or 'd' ? 1 : 0;
                ended = true;
            }
            else
            {
                components[part] = part == 'P' ? (now.UtcDateTime.Hour >= 12 ? 1 : 0) : DateTimePicture.Component(now.ToUniversalTime(), part);
            }
        }

        return Assemble(components, dateByDayOfYear, twelveHour);

        // Only the listed components given (at least one of them), none of the excluded ones.
        bool Is(string allowed, string excluded) =>
            allowed.Any(components.ContainsKey) && !excluded.Any(components.ContainsKey);
    }

    private static JsonataException MissingComponents() =>
        new("D3136", "The date/time picture string is missing specifiers required to parse the timestamp");

    private static double? Assemble(Dictionary<char, int> c, bool dateByDayOfYear, bool twelveHour)
    {
        // As JavaScript's Date.UTC (JSONata's reference), a year 0-99 means 1900-1999 and overflowing fields carry.
        var year = c['Y'] is >= 0 and <= 99 ? c['Y'] + 1900 : c['Y'];
        var hour = twelveHour ? (c['h'] == 12 ? 0 : c['h']) + (c['P'] == 1 ? 12 : 0) : c['H'];
        try
        {
            var date = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            date = dateByDayOfYear
                ? date.AddDays(c['d'] - 1)
                : date.AddMonths(Math.Max(c['M'], 1) - 1).AddDays(c['D'] - 1);
            date = date.AddHours(hour).AddMinutes(c['m']).AddSeconds(c['s']).AddMilliseconds(c['f']);
            var zone = c.TryGetValue('Z', out var z) ? z : c.GetValueOrDefault('z');
            return new DateTimeOffset(date).ToUnixTimeMilliseconds() - (zone * 60_000.0);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
