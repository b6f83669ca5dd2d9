using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Paths;

/// <summary>Parses JSONPath text into segments; a malformed path is a <see cref="FormatException"/> naming the problem.</summary>
internal static class JsonPathParser
{
    public static JsonPathExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var isContext = text.StartsWith("$$", StringComparison.Ordinal);
        if (!text.StartsWith('$'))
        {
            throw new FormatException($"The path '{text}' must start with '$'.");
        }

        var position = isContext ? 2 : 1;
        var variable = isContext ? null : ReadVariableName(text, ref position);
        var segments = ParseSegments(text, ref position, stopAtClose: false);
        return new JsonPathExpression(text, isContext, segments, variable);
    }

    /// <summary><c>$name</c>: a workflow variable's name (a letter or underscore, then letters, digits, underscores).</summary>
    private static string? ReadVariableName(string text, ref int i)
    {
        if (i >= text.Length || !(char.IsLetter(text[i]) || text[i] == '_'))
        {
            return null;
        }

        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        return text[start..i];
    }

    private static List<PathSegment> ParseSegments(string text, ref int i, bool stopAtClose)
    {
        var segments = new List<PathSegment>();
        while (i < text.Length)
        {
            var c = text[i];
            if (stopAtClose && (c == ')' || c == ' ' || c == '=' || c == '!' || c == '<' || c == '>'))
            {
                break;
            }

            if (c == '.')
            {
                if (i + 1 < text.Length && text[i + 1] == '.')
                {
                    i += 2;
                    var name = ReadName(text, ref i, stopAtClose);
                    segments.Add(new DescendantSegment(name == "*" ? null : name));
                }
                else
                {
                    i++;
                    var name = ReadName(text, ref i, stopAtClose);
                    segments.Add(name == "*" ? new WildcardSegment() : new ChildSegment(name));
                }
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket(text, ref i));
            }
            else
            {
                throw new FormatException($"Unexpected '{c}' at position {i} in the path '{text}'.");
            }
        }

        return segments;
    }

    private static string ReadName(string text, ref int i, bool stopAtClose)
    {
        var start = i;
        while (i < text.Length && text[i] != '.' && text[i] != '[' && !(stopAtClose && " )=!<>".Contains(text[i], StringComparison.Ordinal)))
        {
            i++;
        }

        if (i == start)
        {
            throw new FormatException($"A field name is missing at position {start} in the path '{text}'.");
        }

        return text[start..i];
    }

    private static PathSegment ParseBracket(string text, ref int i)
    {
        var close = FindClose(text, i);
        var inner = text[(i + 1)..close].Trim();
        i = close + 1;
        if (inner == "*")
        {
            return new WildcardSegment();
        }

        if (inner.StartsWith('?'))
        {
            return new FilterSegment(ParseFilter(inner, text));
        }

        if (inner.Contains(':', StringComparison.Ordinal) && !inner.StartsWith('\''))
        {
            var parts = inner.Split(':');
            return new SliceSegment(ParseOptionalInt(parts[0], text), ParseOptionalInt(parts[1], text), parts.Length > 2 ? ParseOptionalInt(parts[2], text) ?? 1 : 1);
        }

        var members = SplitUnion(inner).Select(m => ParseMember(m, text)).ToList();
        return members.Count == 1 ? members[0] : new UnionSegment(members);
    }

    private static PathSegment ParseMember(string member, string text)
    {
        member = member.Trim();
        if (member.Length >= 2 && (member[0] == '\'' || member[0] == '"') && member[^1] == member[0])
        {
            return new ChildSegment(member[1..^1].Replace("\\'", "'", StringComparison.Ordinal));
        }

        return int.TryParse(member, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
            ? new IndexSegment(index)
            : throw new FormatException($"'[{member}]' is not a valid index or quoted name in the path '{text}'.");
    }

    private static IEnumerable<string> SplitUnion(string inner)
    {
        var start = 0;
        var quote = '\0';
        for (var k = 0; k < inner.Length; k++)
        {
            var c = inner[k];
            if (quote != '\0')
            {
                if (c == quote && inner[k - 1] != '\\')
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ',')
            {
                yield return inner[start..k];
                start = k + 1;
            }
        }

        yield return inner[start..];
    }

    private static int FindClose(string text, int open)
    {
        var quote = '\0';
        var depth = 0;
        for (var k = open; k < text.Length; k++)
        {
            var c = text[k];
            if (quote != '\0')
            {
                if (c == quote && text[k - 1] != '\\')
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return k;
            }
        }

        throw new FormatException($"A '[' is not closed in the path '{text}'.");
    }

    private static int? ParseOptionalInt(string s, string text) =>
        string.IsNullOrWhiteSpace(s) ? null
        : int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
        : throw new FormatException($"'{s}' is not a valid slice bound in the path '{text}'.");

    private static JsonPathFilter ParseFilter(string inner, string text)
    {
        // ?(@.a.b op literal)
        var body = inner[1..].Trim();
        if (!body.StartsWith("(@", StringComparison.Ordinal) || !body.EndsWith(')'))
        {
            throw new FormatException($"The filter '{inner}' in the path '{text}' must look like ?(@.field op value).");
        }

        body = body[2..^1];
        var position = 0;
        var relative = ParseSegments(body, ref position, stopAtClose: true);
        var rest = body[position..].Trim();
        if (rest.Length == 0)
        {
            return new JsonPathFilter(relative, null, null);
        }

        string[] operators = ["==", "!=", "<=", ">=", "<", ">"];
        var op = operators.FirstOrDefault(o => rest.StartsWith(o, StringComparison.Ordinal))
            ?? throw new FormatException($"Unknown operator in the filter '{inner}' of the path '{text}'.");
        var literalText = rest[op.Length..].Trim();
        if (literalText.StartsWith('\'') && literalText.EndsWith('\''))
        {
            literalText = JsonSerializer.Serialize(literalText[1..^1]);
        }

        try
        {
            return new JsonPathFilter(relative, op, JsonNode.Parse(literalText));
        }
        catch (JsonException)
        {
            throw new FormatException($"'{literalText}' is not a valid literal in the filter of the path '{text}'.");
        }
    }
}
