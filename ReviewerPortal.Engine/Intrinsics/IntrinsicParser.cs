using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Intrinsics;

/// <summary>
/// Parses <c>States.Name(arg, …)</c>: arguments are single-quoted strings (escapes <c>\' \{ \} \\</c>), numbers,
/// true/false/null, paths (<c>$…</c>, <c>$$…</c>) or nested calls. Unknown names and wrong arity are
/// <see cref="FormatException"/>s, so the validator reports them before anything runs.
/// </summary>
internal sealed class IntrinsicParser
{
    /// <summary>
    /// How deeply calls may nest. Each level copies its arguments, so thousands of nested States.Array calls took
    /// half a minute and gigabytes before; no real definition comes near this.
    /// </summary>
    public const int MaxNesting = 16;

    private readonly string text;
    private int position;
    private int nesting;

    private IntrinsicParser(string text) => this.text = text;

    public static bool LooksLikeCall(string value) => value.StartsWith("States.", StringComparison.Ordinal);

    public static IntrinsicCall Parse(string text)
    {
        var parser = new IntrinsicParser(text.Trim());
        var call = parser.ParseCall();
        parser.SkipSpaces();
        return parser.position == parser.text.Length ? call : throw parser.Error("unexpected text after the call");
    }

    private IntrinsicCall ParseCall()
    {
        if (++nesting > MaxNesting)
        {
            throw Error($"intrinsic functions are nested more than {MaxNesting} deep");
        }

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }

        var name = text[start..position];
        var function = IntrinsicRegistry.Find(name) ?? throw Error($"'{name}' is not an intrinsic function");
        Expect('(');
        var arguments = new List<IntrinsicArgument>();
        SkipSpaces();
        if (Peek() != ')')
        {
            do
            {
                SkipSpaces();
                arguments.Add(ParseArgument());
                SkipSpaces();
            }
            while (TryConsume(','));
        }

        Expect(')');
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var expected = function.MaxArguments == int.MaxValue ? $"at least {function.MinArguments}"
                : function.MinArguments == function.MaxArguments ? $"{function.MinArguments}"
                : $"{function.MinArguments} to {function.MaxArguments}";
            throw Error($"{name} takes {expected} argument(s), not {arguments.Count}");
        }

        nesting--;
        return new IntrinsicCall(function, arguments, text[start..position]);
    }

    private IntrinsicArgument ParseArgument()
    {
        var c = Peek();
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            return new PathArgument(ParsePath());
        }

        if (LooksLikeCall(text[position..]))
        {
            return new CallArgument(ParseCall());
        }

        var start = position;
        while (position < text.Length && text[position] is not ',' and not ')' and not ' ')
        {
            position++;
        }

        var token = text[start..position];
        return token switch
        {
            "true" => new LiteralArgument(JsonValue.Create(true), null),
            "false" => new LiteralArgument(JsonValue.Create(false), null),
            "null" => new LiteralArgument(null, null),
            _ when long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => new LiteralArgument(JsonValue.Create(l), null),
            _ when decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => new LiteralArgument(JsonValue.Create(d), null),
            _ => throw Error($"'{token}' is not a valid argument"),
        };
    }

    private LiteralArgument ParseString()
    {
        position++;
        var value = new StringBuilder();
        var start = position;
        while (position < text.Length && text[position] != '\'')
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            value.Append(text[position++]);
        }

        var raw = text[start..position];
        Expect('\'');
        return new LiteralArgument(JsonValue.Create(value.ToString()), raw);
    }

    private JsonPathExpression ParsePath()
    {
        var start = position;
        var depth = 0;
        var quote = false;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '\'')
            {
                quote = !quote;
            }
            else if (!quote && (c == '[' || c == '('))
            {
                depth++;
            }
            else if (!quote && c == ']')
            {
                depth--;
            }
            else if (!quote && c == ')' && depth-- == 0)
            {
                break;
            }
            else if (!quote && depth == 0 && (c == ',' || c == ' '))
            {
                break;
            }

            position++;
        }

        return JsonPathParser.Parse(text[start..position]);
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private bool TryConsume(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"'{c}' expected at position {position}");
        }
    }

    private FormatException Error(string why) => new($"Invalid intrinsic function call '{text}': {why}.");
}
