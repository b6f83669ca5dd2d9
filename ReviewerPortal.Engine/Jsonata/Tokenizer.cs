using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata;

/// <summary>Splits a JSONata expression into tokens: operators, names, $variables, literals and /regex/ literals.</summary>
internal sealed class Tokenizer(string source)
{
    private static readonly string[] Operators =
    [
        "..", ":=", "!=", ">=", "<=", "**", "~>", "??", "?:",
        ".", "[", "]", "{", "}", "(", ")", ",", "@", "#", ";", ":", "?", "+", "-", "*", "/", "%", "|", "=", "<", ">", "^", "&", "λ",
    ];

    private static readonly Regex NumberPattern = new(@"\G-?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?", RegexOptions.CultureInvariant);

    private int position;

    /// <summary>Reads the next token; <paramref name="regexAllowed"/> says a '/' here starts a regex, not a division.</summary>
    public Token Next(bool regexAllowed)
    {
        SkipSpaceAndComments();
        if (position >= source.Length)
        {
            return new Token(TokenKind.End, "(end)", null, position);
        }

        var start = position;
        var c = source[position];
        if (regexAllowed && c == '/')
        {
            return ReadRegex(start);
        }

        if (c is '"' or '\'')
        {
            return new Token(TokenKind.String, "(string)", ReadString(c), start);
        }

        if (char.IsAsciiDigit(c))
        {
            var m = NumberPattern.Match(source, position);
            var value = double.Parse(m.Value, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw new JsonataException("S0102", $"Number out of range: {m.Value}", start);
            }

            position += m.Length;
            return new Token(TokenKind.Number, "(number)", value, start);
        }

        if (c == '`')
        {
            var end = source.IndexOf('`', position + 1);
            if (end < 0)
            {
                throw new JsonataException("S0105", "Quoted property name must be terminated with a backquote (`)", start);
            }

            position = end + 1;
            return new Token(TokenKind.Name, source[(start + 1)..end], null, start);
        }

        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(source, position, op, 0, op.Length) == 0)
            {
                // "..." never occurs; ".." is the range operator, but a number like ".5" is not JSONata.
                position += op.Length;
                return new Token(TokenKind.Operator, op, null, start);
            }
        }

        if (c == '$' && position + 1 < source.Length && source[position + 1] == '$')
        {
            position += 2;
            return new Token(TokenKind.Variable, "$", null, start);
        }

        var name = ReadName();
        if (c == '$')
        {
            return new Token(TokenKind.Variable, name[1..], null, start);
        }

        return name switch
        {
            "and" or "or" or "in" => new Token(TokenKind.Operator, name, null, start),
            "true" => new Token(TokenKind.Value, name, true, start),
            "false" => new Token(TokenKind.Value, name, false, start),
            "null" => new Token(TokenKind.Value, name, JsonNull.Value, start),
            _ => new Token(TokenKind.Name, name, null, start),
        };
    }

    private void SkipSpaceAndComments()
    {
        while (position < source.Length)
        {
            if (char.IsWhiteSpace(source[position]))
            {
                position++;
            }
            else if (source[position] == '/' && position + 1 < source.Length && source[position + 1] == '*')
            {
                var end = source.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonataException("S0106", "Comment has no closing tag", position);
                }

                position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private string ReadName()
    {
        var start = position;
        if (source[position] == '$')
        {
            position++;
        }

        while (position < source.Length && !IsDelimiter(source[position]))
        {
            position++;
        }

        if (position == start)
        {
            throw new JsonataException("S0204", $"Unknown operator: \"{source[position]}\"", position);
        }

        return source[start..position];
    }

    private static bool IsDelimiter(char c) =>
        char.IsWhiteSpace(c) || "[]{}()=<>!?:.,;@#+-*/%|^&~\"'`λ$".Contains(c, StringComparison.Ordinal);

    private string ReadString(char quote)
    {
        var start = position++;
        var text = new StringBuilder();
        while (position < source.Length)
        {
            var c = source[position++];
            if (c == quote)
            {
                return text.ToString();
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (position >= source.Length)
            {
                break;
            }

            var e = source[position++];
            switch (e)
            {
                case '"' or '\\' or '/' or '\'':
                    text.Append(e);
                    break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u' when position + 4 <= source.Length
                    && int.TryParse(source.AsSpan(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    position += 4;
                    break;
                case 'u':
                    throw new JsonataException("S0104", "The escape sequence \\u must be followed by 4 hex digits", position);
                default:
                    throw new JsonataException("S0103", $"Unsupported escape sequence: \\{e}", position);
            }
        }

        throw new JsonataException("S0101", "String literal must be terminated by a matching quote", start);
    }

    private Token ReadRegex(int start)
    {
        position++;
        var depth = 0;
        var escaped = false;
        while (position < source.Length)
        {
            var c = source[position];
            if (escaped)
            {
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && depth > 0)
            {
                depth--;
            }
            else if (c == '/' && depth == 0)
            {
                var pattern = source[(start + 1)..position];
                if (pattern.Length == 0)
                {
                    throw new JsonataException("S0301", "Empty regular expressions are not allowed", start);
                }

                position++;
                var flagsStart = position;
                while (position < source.Length && source[position] is 'i' or 'm' or 'g' or 's' or 'x')
                {
                    position++;
                }

                return new Token(TokenKind.Regex, "(regex)", JsonataRegex.Create(pattern, source[flagsStart..position]), start);
            }

            position++;
        }

        throw new JsonataException("S0302", "No terminating / in regular expression", start);
    }
}
