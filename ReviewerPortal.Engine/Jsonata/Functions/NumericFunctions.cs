using System.Globalization;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>JSONata's numeric and aggregation functions.</summary>
internal static class NumericFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Add("number", "<(nsb)-:n>", (_, a) => ToNumber(a[0]));
        library.Add("abs", "<n-:n>", (_, a) => a[0] is double d ? Math.Abs(d) : null);
        library.Add("floor", "<n-:n>", (_, a) => a[0] is double d ? Math.Floor(d) : null);
        library.Add("ceil", "<n-:n>", (_, a) => a[0] is double d ? Math.Ceiling(d) : null);
        library.Add("round", "<n-n?:n>", (_, a) => a[0] is double d ? Round(d, a[1] as double? ?? 0) : null);
        library.Add("power", "<n-n:n>", (_, a) => a[0] is double d ? Power(d, (double)a[1]!) : null);
        library.Add("sqrt", "<n-:n>", (_, a) => a[0] is double d ? (d < 0
            ? throw new JsonataException("D3060", $"The sqrt function cannot be applied to a negative number: {Strings.FormatNumber(d)}")
            : Math.Sqrt(d)) : null);
        library.Add("random", "<:n>", (_, _) => Random.Shared.NextDouble());
        library.Add("sum", "<a<n>:n>", (_, a) => a[0] is JList list ? list.Sum(n => (double)n!) : null);
        library.Add("max", "<a<n>:n>", (_, a) => a[0] is JList { Count: > 0 } list ? list.Max(n => (double)n!) : null);
        library.Add("min", "<a<n>:n>", (_, a) => a[0] is JList { Count: > 0 } list ? list.Min(n => (double)n!) : null);
        library.Add("average", "<a<n>:n>", (_, a) => a[0] is JList { Count: > 0 } list ? list.Average(n => (double)n!) : null);
        library.Add("formatBase", "<n-n?:s>", (_, a) => a[0] is double d ? FormatBase(d, a[1] as double? ?? 10) : null);
        library.Add("formatInteger", "<n-s:s>", (_, a) => a[0] is double d ? IntegerPicture.Format(d, (string)a[1]!) : null);
        library.Add("parseInteger", "<s-s:n>", (_, a) => a[0] is string s ? IntegerPicture.Parse(s, (string)a[1]!) : null);
        library.Add("formatNumber", "<n-so?:s>", (_, a) => a[0] is double d ? NumberPicture.Format(d, (string)a[1]!, a[2] as JMap) : null);
    }

    /// <summary><c>$number</c>: numbers pass, booleans are 0/1, strings must be JSON numbers (or 0x, 0o, 0b integers).</summary>
    public static object? ToNumber(object? value)
    {
        switch (value)
        {
            case null or double:
                return value;
            case bool b:
                return b ? 1.0 : 0.0;
            case string s:
                var text = s.Trim();
                if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
                {
                    var radix = text[1] is 'x' or 'X' ? 16 : text[1] is 'o' or 'O' ? 8 : 2;
                    try
                    {
                        return (double)Convert.ToInt64(text[2..], radix);
                    }
                    catch (FormatException)
                    {
                    }
                }
                else if (System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?$")
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return number;
                }

                throw new JsonataException("D3030", $"Unable to cast value to a number: {Strings.ToJson(s, false)}");
            default:
                throw new JsonataException("D3030", $"Unable to cast value to a number: {Strings.Stringify(value)}");
        }
    }

    /// <summary>Rounds half to even ("bankers' rounding") at the given number of decimal places, as JSONata does.</summary>
    private static double Round(double value, double precision)
    {
        var places = (int)precision;
        if (places is >= 0 and <= 15)
        {
            return (double)Math.Round((decimal)value, places, MidpointRounding.ToEven);
        }

        var scale = Math.Pow(10, places);
        return Math.Round(value * scale, MidpointRounding.ToEven) / scale;
    }

    private static double Power(double x, double y)
    {
        var result = Math.Pow(x, y);
        return double.IsFinite(result)
            ? result
            : throw new JsonataException("D3061", $"The power function has resulted in a value that cannot be represented as a JSON number: base={Strings.FormatNumber(x)}, exponent={Strings.FormatNumber(y)}");
    }

    private static string FormatBase(double value, double radix)
    {
        var r = (int)Math.Round(radix, MidpointRounding.ToEven);
        if (r is < 2 or > 36)
        {
            throw new JsonataException("D3100", $"The radix of the formatBase function must be between 2 and 36.  It was given {r}");
        }

        var n = (long)Math.Round(value, MidpointRounding.ToEven);
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (n == 0)
        {
            return "0";
        }

        var negative = n < 0;
        n = Math.Abs(n);
        var result = new System.Text.StringBuilder();
        while (n > 0)
        {
            result.Insert(0, digits[(int)(n % r)]);
            n /= r;
        }

        return negative ? "-" + result : result.ToString();
    }
}
