using System.Globalization;
using System.Text;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// <c>$formatInteger</c> and <c>$parseInteger</c>: the XPath F&amp;O <c>format-integer</c> pictures JSONata documents —
/// decimal digit patterns (<c>000</c>, <c>#,##0</c>), <c>a</c>/<c>A</c> letters, <c>i</c>/<c>I</c> roman numerals,
/// <c>w</c>/<c>W</c>/<c>Ww</c> words, each optionally with the <c>;o</c> ordinal modifier.
/// </summary>
internal static class IntegerPicture
{
    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] SmallOrdinals =
    [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];

    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Magnitudes = ["thousand", "million", "billion", "trillion"];

    private static readonly (int Value, string Numeral)[] Roman =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    public static string Format(double value, string picture)
    {
        var (primary, ordinal) = Split(picture);
        var number = (long)Math.Truncate(value);
        var sign = number < 0 ? "-" : string.Empty;
        var magnitude = Math.Abs(number);
        return primary switch
        {
            "a" or "A" => sign + Cased(Letters(magnitude), primary),
            "i" or "I" => sign + Cased(RomanNumeral(magnitude), primary),
            "w" or "W" or "Ww" => sign + Cased(Words(magnitude, ordinal), primary),
            _ => sign + Decimal(magnitude, primary, ordinal),
        };
    }

    public static double Parse(string text, string picture)
    {
        var (primary, ordinal) = Split(picture);
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        double value = primary switch
        {
            "a" or "A" => body.ToLowerInvariant().Aggregate(0L, (n, c) => (n * 26) + (c - 'a' + 1)),
            "i" or "I" => ParseRoman(body.ToLowerInvariant()),
            "w" or "W" or "Ww" => ParseWords(body.ToLowerInvariant()),
            _ => ParseDecimal(body, ordinal),
        };
        return negative ? -value : value;
    }

    private static (string Primary, bool Ordinal) Split(string picture)
    {
        var semicolon = picture.LastIndexOf(';');
        return semicolon < 0 ? (picture, false) : (picture[..semicolon], picture[(semicolon + 1)..].StartsWith('o'));
    }

    private static string Cased(string lower, string primary) => primary switch
    {
        "A" or "I" or "W" => lower.ToUpperInvariant(),
        "Ww" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(lower).Replace(" And ", " and ", StringComparison.Ordinal),
        _ => lower,
    };

    private static string Letters(long n)
    {
        var letters = new StringBuilder();
        for (; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('a' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    private static string RomanNumeral(long n)
    {
        var numeral = new StringBuilder();
        foreach (var (value, text) in Roman)
        {
            for (; n >= value; n -= value)
            {
                numeral.Append(text);
            }
        }

        return numeral.ToString();
    }

    private static long ParseRoman(string text)
    {
        long total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = RomanValue(text[i]);
            total += i + 1 < text.Length && RomanValue(text[i + 1]) > value ? -value : value;
        }

        return total;
    }

    private static int RomanValue(char c) => Roman.FirstOrDefault(r => r.Numeral == c.ToString()).Value is var v and > 0
        ? v
        : throw new JsonataException("D3130", $"'{c}' is not a roman numeral");

    /// <summary>English words: "two thousand, seven hundred and eighty-nine"; with <paramref name="ordinal"/> the last word is an ordinal.</summary>
    private static string Words(long n, bool ordinal, bool afterHigher = false)
    {
        if (n < 20)
        {
            return (afterHigher ? " and " : string.Empty) + (ordinal ? SmallOrdinals[n] : Small[n]);
        }

        if (n < 100)
        {
            var tens = Tens[(n / 10) - 2];
            var unit = n % 10;
            var words = unit > 0 ? tens + "-" + Words(unit, ordinal) : ordinal ? tens[..^1] + "ieth" : tens;
            return (afterHigher ? " and " : string.Empty) + words;
        }

        var (size, name) = n < 1000 ? (100L, "hundred") : MagnitudeOf(n);
        var lead = Words(n / size, ordinal: false) + " " + name;
        var rest = n % size;
        var tail = rest > 0 ? Words(rest, ordinal, afterHigher: true) : ordinal ? "th" : string.Empty;
        return (afterHigher ? ", " : string.Empty) + lead + tail;
    }

    private static (long Size, string Name) MagnitudeOf(long n)
    {
        var index = Math.Min((int)Math.Floor(Math.Log10(n) / 3), Magnitudes.Length);
        return ((long)Math.Pow(10, index * 3), Magnitudes[index - 1]);
    }

    private static long ParseWords(string text)
    {
        long total = 0;
        long current = 0;
        foreach (var word in text.Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w != "and"))
        {
            var small = Math.Max(Array.IndexOf(Small, word), Array.IndexOf(SmallOrdinals, word));
            if (small >= 0)
            {
                current += small;
            }
            else if (Array.FindIndex(Tens, t => word == t || word == t[..^1] + "ieth") is var tens and >= 0)
            {
                current += (tens + 2) * 10;
            }
            else if (word is "hundred" or "hundredth")
            {
                current *= 100;
            }
            else if (Array.FindIndex(Magnitudes, m => word == m || word == m + "th") is var magnitude and >= 0)
            {
                total += current * (long)Math.Pow(10, (magnitude + 1) * 3);
                current = 0;
            }
            else
            {
                throw new JsonataException("D3130", $"'{word}' is not a number word");
            }
        }

        return total + current;
    }

    /// <summary>A decimal digit pattern: its digits give the minimum width, its separators their positions from the right.</summary>
    private static string Decimal(long n, string picture, bool ordinal)
    {
        var minimum = picture.Count(char.IsAsciiDigit);
        if (minimum == 0 && !picture.Contains('#'))
        {
            throw new JsonataException("D3130", $"Formatting an integer with the picture \"{picture}\" is not supported");
        }

        var digits = n.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(minimum, 1), '0');
        var separators = Separators(picture);
        var text = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            var fromRight = digits.Length - i;
            text.Append(digits[i]);
            if (fromRight > 1 && SeparatorAt(separators, fromRight - 1) is { } separator)
            {
                text.Append(separator);
            }
        }

        return ordinal ? text + OrdinalSuffix(n) : text.ToString();
    }

    /// <summary>Separator positions (digits to their right); one position, or equal spacing, repeats (a "regular" grouping).</summary>
    private static List<(int Position, char Separator)> Separators(string picture)
    {
        var found = new List<(int, char)>();
        var digitsToRight = 0;
        for (var i = picture.Length - 1; i >= 0; i--)
        {
            if (char.IsAsciiDigit(picture[i]) || picture[i] == '#')
            {
                digitsToRight++;
            }
            else
            {
                found.Add((digitsToRight, picture[i]));
            }
        }

        return found;
    }

    private static char? SeparatorAt(List<(int Position, char Separator)> separators, int position)
    {
        if (separators.Count == 0)
        {
            return null;
        }

        var first = separators[0].Position;
        var regular = first > 0 && separators.Select((s, i) => s.Position == first * (i + 1)).All(b => b);
        return regular
            ? position % first == 0 ? separators[0].Separator : null
            : separators.Where(s => s.Position == position).Select(s => (char?)s.Separator).FirstOrDefault();
    }

    private static string OrdinalSuffix(long n) => (n % 100) is >= 11 and <= 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };

    private static double ParseDecimal(string text, bool ordinal)
    {
        var digits = new string([.. (ordinal ? text.TrimEnd('s', 't', 'n', 'd', 'r', 'h') : text).Where(char.IsAsciiDigit)]);
        return digits.Length > 0 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new JsonataException("D3130", $"\"{text}\" is not an integer in the given picture");
    }
}
