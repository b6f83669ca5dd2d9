using System.Globalization;
using System.Text;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>JSONata's string cast (<c>$string</c>, <c>&amp;</c>): numbers as JavaScript prints them, values as JSON.</summary>
internal static class Strings
{
    public static string Stringify(object? value, bool pretty = false) => value switch
    {
        null => "",
        string s => s,
        double d => FormatNumber(d),
        IFunction => "",
        _ => ToJson(value, pretty),
    };

    /// <summary>A number as JSONata prints it: rounded to 15 significant digits, in JavaScript's notation.</summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonataException("D3001", "Attempting to invoke string function on Infinity or NaN");
        }

        return JavaScriptNumber(double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>JavaScript's Number.prototype.toString: the shortest round-trip digits, in exponent form outside 1e-7..1e21.</summary>
    public static string JavaScriptNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        var exponentAt = r.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? r : r[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(r[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = (point < 0 ? mantissa : mantissa.Remove(point, 1)).TrimStart('0');
        var leadingZeros = (point < 0 ? mantissa : mantissa.Remove(point, 1)).Length - digits.Length;
        digits = digits.TrimEnd('0');
        var n = (point < 0 ? mantissa.Length : point) + exponent - leadingZeros;
        var k = digits.Length;
        string text;
        if (k <= n && n <= 21)
        {
            text = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            text = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            text = digits[..1] + (k > 1 ? "." + digits[1..] : "") + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }

    public static string ToJson(object? value, bool pretty)
    {
        var builder = new StringBuilder();
        WriteJson(builder, value, pretty, 0);
        return builder.ToString();
    }

    private static void WriteJson(StringBuilder builder, object? value, bool pretty, int indent)
    {
        switch (value)
        {
            case null or JsonNull:
                builder.Append("null");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case double d:
                builder.Append(double.IsFinite(d) ? FormatNumber(d) : "null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case IFunction:
                builder.Append("\"\"");
                break;
            case JList list:
                WriteItems(builder, '[', ']', list.Select(item => (default(string), item)), pretty, indent);
                break;
            case JMap map:
                WriteItems(builder, '{', '}', map.Select(p => ((string?)p.Key, p.Value)), pretty, indent);
                break;
        }
    }

    private static void WriteItems(StringBuilder builder, char open, char close, IEnumerable<(string? Key, object? Value)> items, bool pretty, int indent)
    {
        builder.Append(open);
        var first = true;
        foreach (var (key, item) in items)
        {
            if (item is null)
            {
                continue; // JSON.stringify leaves out undefined members.
            }

            builder.Append(first ? "" : ",");
            first = false;
            if (pretty)
            {
                builder.Append('\n').Append(' ', (indent + 1) * 2);
            }

            if (key is not null)
            {
                WriteString(builder, key);
                builder.Append(pretty ? ": " : ":");
            }

            WriteJson(builder, item, pretty, indent + 1);
        }

        if (pretty && !first)
        {
            builder.Append('\n').Append(' ', indent * 2);
        }

        builder.Append(close);
    }

    public static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
