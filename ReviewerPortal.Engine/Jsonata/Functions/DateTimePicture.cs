using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// XPath F&amp;O 9.8 date/time pictures for <c>$fromMillis</c>/<c>$now</c> (formatting) and <c>$toMillis</c> (parsing):
/// literals and variable markers like <c>[Y0001]-[M01]-[D01]</c>, <c>[H01]:[m01]:[s01].[f001]</c>, names
/// (<c>[MNn]</c>, <c>[FNn,3-3]</c>), ordinals (<c>[D1o]</c>), words and roman numerals, ISO weeks and time zones
/// (<c>[Z]</c>, <c>[z]</c>, <c>[Z01:01t]</c>). Parsing follows JSONata's rules for what a picture must pin down.
/// </summary>
internal static class DateTimePicture
{
    public const string Iso8601 = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>The picture's parts in order: a literal string or a marker.</summary>
    public static List<object> Analyse(string picture)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        for (var i = 0; i < picture.Length; i++)
        {
            if (picture[i] == '[' && i + 1 < picture.Length && picture[i + 1] == '[')
            {
                literal.Append('[');
                i++;
            }
            else if (picture[i] == ']' && i + 1 < picture.Length && picture[i + 1] == ']')
            {
                literal.Append(']');
                i++;
            }
            else if (picture[i] == '[')
            {
                var end = picture.IndexOf(']', i);
                if (end < 0)
                {
                    throw new JsonataException("D3135", "No matching closing bracket ']' in date/time picture string");
                }

                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                var marker = DateTimeMarker.Parse(string.Concat(picture[(i + 1)..end].Where(c => !char.IsWhiteSpace(c))));
                if (marker.IsInteger && parts.Count > 0 && parts[^1] is DateTimeMarker { IsInteger: true } previous)
                {
                    // Two numbers side by side ([Y0001][M01]) can only be told apart by their widths.
                    previous.ParseWidth = previous.IntegerPicture!.Count(char.IsDigit);
                }

                parts.Add(marker);
                i = end;
            }
            else
            {
                literal.Append(picture[i]);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return parts;
    }

    /// <summary>Writes <paramref name="local"/> (already shifted to its offset) with the picture.</summary>
    public static string Format(DateTimeOffset local, string picture)
    {
        var text = new StringBuilder();
        foreach (var part in Analyse(picture))
        {
            text.Append(part is DateTimeMarker marker ? FormatMarker(local, marker) : (string)part);
        }

        return text.ToString();
    }

    private static string FormatMarker(DateTimeOffset time, DateTimeMarker marker)
    {
        switch (marker.Component)
        {
            case 'Z' or 'z':
                return FormatZone(time.Offset, marker);
            case 'P':
                var half = time.Hour >= 12 ? "pm" : "am";
                return marker.Names == NameCase.Upper ? half.ToUpperInvariant() : half;
            case 'C' or 'E':
                return "ISO";
        }

        var value = Component(time, marker.Component);
        if (marker.Names != NameCase.None)
        {
            var name = marker.Component switch
            {
                'M' or 'x' => Months[value - 1],
                'F' => Days[value - 1],
                _ => throw new JsonataException("D3133", $"The 'name' modifier can only be applied to months and days in the date/time picture string, not \"{marker.Component}\""),
            };
            name = marker.Names switch
            {
                NameCase.Upper => name.ToUpperInvariant(),
                NameCase.Lower => name.ToLowerInvariant(),
                _ => name,
            };
            return marker.MaxWidth is { } max && name.Length > max ? name[..max] : name;
        }

        if (marker.YearDigits > 0)
        {
            value %= (int)Math.Pow(10, marker.YearDigits);
        }

        return IntegerPicture.Format(value, marker.IntegerPicture!);
    }

    /// <summary>±HH:MM and its variants: <c>[Z0]</c> +1, <c>[Z01]</c> +01, <c>[Z0101]</c> +0100, <c>[z]</c> GMT+01:00.</summary>
    private static string FormatZone(TimeSpan offset, DateTimeMarker marker)
    {
        if (offset == TimeSpan.Zero && marker.Modifier == 't')
        {
            return "Z";
        }

        var pattern = marker.Presentation;
        var separator = pattern.FirstOrDefault(c => !char.IsDigit(c) && c != '#');
        var hours = Math.Abs(offset.Hours);
        var minutes = Math.Abs(offset.Minutes);
        string zone;
        if (separator != default)
        {
            var at = pattern.IndexOf(separator, StringComparison.Ordinal);
            zone = Pad(hours, pattern[..at].Count(char.IsDigit)) + separator + Pad(minutes, pattern[(at + 1)..].Count(char.IsDigit));
        }
        else
        {
            var digits = pattern.Count(char.IsDigit);
            zone = digits switch
            {
                1 or 2 => Pad(hours, digits) + (minutes != 0 ? ":" + Pad(minutes, 2) : ""),
                3 or 4 => Pad((hours * 100) + minutes, digits),
                _ => throw new JsonataException("D3134", "The timezone integer format specifier cannot have more than four digits"),
            };
        }

        zone = (offset < TimeSpan.Zero ? "-" : "+") + zone;
        return marker.Component == 'z' ? "GMT" + zone : zone;
    }

    private static string Pad(int value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>A component's number: ISO weekdays (Monday 1), ISO weeks of the year and of the month.</summary>
    public static int Component(DateTimeOffset time, char component) => component switch
    {
        'Y' => time.Year,
        'M' => time.Month,
        'D' => time.Day,
        'd' => time.DayOfYear,
        'F' => time.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)time.DayOfWeek,
        'W' => ISOWeek.GetWeekOfYear(time.DateTime),
        'X' => ISOWeek.GetYear(time.DateTime),
        'w' => WeekOfMonth(time.DateTime).Week,
        'x' => WeekOfMonth(time.DateTime).Month,
        'H' => time.Hour,
        'h' => time.Hour % 12 == 0 ? 12 : time.Hour % 12,
        'm' => time.Minute,
        's' => time.Second,
        'f' => time.Millisecond,
        _ => throw new JsonataException("D3132", $"Unknown component specifier \"{component}\" in date/time picture string"),
    };

    /// <summary>
    /// Weeks of a month as ISO weeks of a year: week 1 is the one holding the month's first Thursday, so the first
    /// days of a month can belong to the previous month's last week.
    /// </summary>
    private static (int Week, int Month) WeekOfMonth(DateTime date)
    {
        var day = date.Date;
        var month = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        if (day < FirstWeekStart(month))
        {
            month = month.AddMonths(-1);
        }
        else if (day >= FirstWeekStart(month.AddMonths(1)))
        {
            month = month.AddMonths(1);
        }

        return (((day - FirstWeekStart(month)).Days / 7) + 1, month.Month);
    }

    private static DateTime FirstWeekStart(DateTime firstOfMonth)
    {
        var weekday = firstOfMonth.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)firstOfMonth.DayOfWeek;
        return weekday > 4 ? firstOfMonth.AddDays(8 - weekday) : firstOfMonth.AddDays(1 - weekday);
    }

    /// <summary>Names and numbers a parsing pattern reads for a marker.</summary>
    public static string Pattern(DateTimeMarker marker)
    {
        switch (marker.Component)
        {
            case 'Z' or 'z':
                var separator = marker.Presentation.FirstOrDefault(c => !char.IsDigit(c) && c != '#');
                return (marker.Component == 'z' ? "GMT" : "") + "[-+][0-9]+" + (separator == default ? "" : Regex.Escape(separator.ToString()) + "[0-9]+");
            case 'f':
                return "[0-9]+";
            case 'P' or 'C' or 'E':
                return "[a-zA-Z]+";
        }

        if (marker.Names != NameCase.None)
        {
            return "[a-zA-Z]+";
        }

        var primary = marker.IntegerPicture!.Split(';')[0];
        return primary switch
        {
            "a" or "A" => "[a-zA-Z]+",
            "i" or "I" => "[mdclxviMDCLXVI]+",
            "w" or "W" or "Ww" => "[a-zA-Z][a-zA-Z ,\\-]*[a-zA-Z]",
            _ => "[0-9]" + (marker.ParseWidth is { } width ? "{" + width + "}" : "+") + (marker.Modifier == 'o' ? "(?:th|st|nd|rd)" : ""),
        };
    }

    /// <summary>The number a marker's matched text stands for (a month or weekday name, minutes of a time zone, ...).</summary>
    public static int? Read(DateTimeMarker marker, string text)
    {
        switch (marker.Component)
        {
            case 'Z' or 'z':
                var zone = marker.Component == 'z' ? text[3..] : text;
                var sign = zone[0] == '-' ? -1 : 1;
                var digits = zone[1..];
                var separator = digits.IndexOfAny([':', '.', '-', ' ']);
                var (hours, minutes) = separator >= 0
                    ? (int.Parse(digits[..separator], CultureInfo.InvariantCulture), int.Parse(digits[(separator + 1)..], CultureInfo.InvariantCulture))
                    : digits.Length <= 2
                        ? (int.Parse(digits, CultureInfo.InvariantCulture), 0)
                        : (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture));
                return sign * ((hours * 60) + minutes);
            case 'f':
                return int.Parse(text.PadRight(3, '0')[..3], CultureInfo.InvariantCulture);
            case 'P':
                return text.ToLowerInvariant() switch { "am" => 0, "pm" => 1, _ => null };
            case 'C' or 'E':
                return null;
        }

        if (marker.Names != NameCase.None)
        {
            var names = marker.Component switch
            {
                'M' or 'x' => Months,
                'F' => Days,
                _ => throw new JsonataException("D3133", $"The 'name' modifier can only be applied to months and days in the date/time picture string, not \"{marker.Component}\""),
            };
            var index = Array.FindIndex(names, n => string.Equals(marker.MaxWidth is { } max && n.Length > max ? n[..max] : n, text, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? null : index + 1;
        }

        return (int)IntegerPicture.Parse(text, marker.IntegerPicture!);
    }
}
