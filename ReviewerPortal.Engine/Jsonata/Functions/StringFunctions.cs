using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>JSONata's string functions. Lengths and offsets count characters (Unicode code points), as JSONata does.</summary>
internal static class StringFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Add("string", "<x-b?:s>", (_, a) => a[0] is null ? null : Strings.Stringify(a[0], a[1] is true));
        library.Add("length", "<s-:n>", (_, a) => a[0] is string s ? (double)Runes(s).Length : null);
        library.Add("substring", "<s-nn?:s>", (_, a) => a[0] is string s ? Substring(s, (double)a[1]!, a[2] as double?) : null);
        library.Add("substringBefore", "<s-s:s>", (_, a) => a[0] is string s && a[1] is string t
            ? (s.IndexOf(t, StringComparison.Ordinal) is var i and >= 0 ? s[..i] : s) : a[0]);
        library.Add("substringAfter", "<s-s:s>", (_, a) => a[0] is string s && a[1] is string t
            ? (s.IndexOf(t, StringComparison.Ordinal) is var i and >= 0 ? s[(i + t.Length)..] : s) : a[0]);
        library.Add("uppercase", "<s-:s>", (_, a) => (a[0] as string)?.ToUpperInvariant());
        library.Add("lowercase", "<s-:s>", (_, a) => (a[0] as string)?.ToLowerInvariant());
        library.Add("trim", "<s-:s>", (_, a) => a[0] is string s ? Regex.Replace(s, "[ \t\n\r]+", " ").Trim(' ') : null);
        library.Add("pad", "<s-ns?:s>", (_, a) => a[0] is string s ? Pad(s, (double)a[1]!, a[2] as string ?? " ") : null);
        library.Add("contains", "<s-(sf):b>", (_, a) => a[0] is string s ? (a[1] is string t
            ? s.Contains(t, StringComparison.Ordinal)
            : ((JsonataRegex)a[1]!).Regex.IsMatch(s)) : null);
        library.Add("split", "<s-(sf)n?:a<s>>", (_, a) => a[0] is string s ? Split(s, a[1], a[2] as double?) : null);
        library.Add("join", "<a<s>s?:s>", (_, a) => a[0] is JList list ? string.Join(a[1] as string ?? "", list.Cast<string>()) : null);
        library.Add("match", "<s-f<s:o>n?:a<o>>", (_, a) => a[0] is string s ? Match(s, (JsonataRegex)a[1]!, a[2] as double?) : null);
        library.Add("replace", "<s-(sf)(sf)n?:s>", (e, a) => a[0] is string s ? Replace(e, s, a[1], a[2], a[3] as double?) : null);
        library.Add("eval", "<sx?:x>", (e, a) => a[0] is string s ? Eval(e, s, a[1]) : null);
    }

    private static string[] Runes(string s) =>
        s.EnumerateRunes().Select(r => r.ToString()).ToArray();

    private static string Substring(string s, double start, double? length)
    {
        var chars = Runes(s);
        var from = (int)Math.Round(start, MidpointRounding.ToEven);
        if (from < 0)
        {
            from = Math.Max(0, chars.Length + from);
        }

        if (from >= chars.Length)
        {
            return "";
        }

        var count = length is null ? chars.Length - from : Math.Max(0, Math.Min((int)Math.Round(length.Value, MidpointRounding.ToEven), chars.Length - from));
        return string.Concat(chars.Skip(from).Take(count));
    }

    private static string Pad(string s, double width, string padding)
    {
        var length = Runes(s).Length;
        var target = (int)Math.Abs(width);
        if (target <= length || padding.Length == 0)
        {
            return s;
        }

        var fill = new StringBuilder();
        while (fill.Length < target - length)
        {
            fill.Append(padding);
        }

        var pad = fill.ToString()[..(target - length)];
        return width > 0 ? s + pad : pad + s;
    }

    private static JList Split(string s, object? separator, double? limit)
    {
        if (limit < 0)
        {
            throw new JsonataException("D3020", "Third argument of split function must evaluate to a positive number");
        }

        var parts = separator switch
        {
            string t when t.Length == 0 => Runes(s),
            string t => s.Split(t),
            _ => ((JsonataRegex)separator!).Regex.Split(s),
        };
        var taken = limit is null ? parts : parts.Take((int)limit.Value);
        return new JList(taken.Cast<object?>());
    }

    private static JList? Match(string s, JsonataRegex regex, double? limit)
    {
        if (limit < 0)
        {
            throw new JsonataException("D3040", "Third argument of match function must evaluate to a positive number");
        }

        var matches = regex.Regex.Matches(s).Cast<System.Text.RegularExpressions.Match>();
        return new JList((limit is null ? matches : matches.Take((int)limit.Value)).Select(m => (object?)JsonataRegex.MatchObject(m))) { IsSequence = true };
    }

    private static string Replace(Evaluator evaluator, string s, object? pattern, object? replacement, double? limit)
    {
        if (pattern is "")
        {
            throw new JsonataException("D3010", "Second argument of replace function cannot be an empty string");
        }

        if (limit < 0)
        {
            throw new JsonataException("D3011", "Fourth argument of replace function must evaluate to a positive number");
        }

        var regex = pattern is JsonataRegex r ? r.Regex : new Regex(Regex.Escape((string)pattern!), RegexOptions.CultureInvariant);
        var count = limit is null ? -1 : (int)limit.Value;
        return regex.Replace(s, m => replacement switch
        {
            string text => Substitute(text, m),
            _ => evaluator.Apply(replacement, [JsonataRegex.MatchObject(m)], null) as string
                ?? throw new JsonataException("D3012", "Attempted to replace a matched string with a non-string value"),
        }, count);
    }

    /// <summary>A replacement string's <c>$0</c>, <c>$1</c>… name the match and its groups; <c>$$</c> is a dollar.</summary>
    private static string Substitute(string text, System.Text.RegularExpressions.Match match)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
            }
            else if (text[i + 1] == '$')
            {
                result.Append('$');
                i++;
            }
            else if (char.IsAsciiDigit(text[i + 1]))
            {
                // Take the longest group number that exists, as JSONata does.
                var end = i + 1;
                while (end < text.Length && char.IsAsciiDigit(text[end]) && int.Parse(text[(i + 1)..(end + 1)], CultureInfo.InvariantCulture) < match.Groups.Count)
                {
                    end++;
                }

                if (end == i + 1)
                {
                    end++;
                    result.Append("");
                }
                else
                {
                    result.Append(match.Groups[int.Parse(text[(i + 1)..end], CultureInfo.InvariantCulture)].Value);
                }

                i = end - 1;
            }
            else
            {
                result.Append('$');
            }
        }

        return result.ToString();
    }

    private static object? Eval(Evaluator evaluator, string expression, object? context)
    {
        Node parsed;
        try
        {
            parsed = Parser.Parse(expression);
        }
        catch (JsonataException e)
        {
            throw new JsonataException("D3120", $"Syntax error in expression passed to function eval: {e.Text}");
        }

        return evaluator.Evaluate(parsed, context, evaluator.Globals);
    }
}
