using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Intrinsics;

/// <summary><c>States.Format(template, values…)</c>: each unescaped <c>{}</c> takes the next value.</summary>
internal sealed class FormatFunction : IntrinsicFunction
{
    public override string Name => "States.Format";

    public override int MinArguments => 1;

    public override int MaxArguments => int.MaxValue;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments) => Format(StringArgument(arguments, 0), escaped: false, arguments);

    /// <summary>
    /// Formats with a template; <paramref name="escaped"/> when it is a literal still holding its <c>\{ \} \' \\</c>
    /// escapes, so that an escaped brace stays a brace rather than opening a placeholder.
    /// </summary>
    public JsonNode Format(string template, bool escaped, IReadOnlyList<JsonNode?> arguments)
    {
        var output = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (escaped && c == '\\' && i + 1 < template.Length)
            {
                output.Append(template[++i]);
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= arguments.Count)
                {
                    throw Failure("the template has more {} placeholders than values.");
                }

                var value = arguments[next++];
                if (value is JsonObject or JsonArray)
                {
                    throw Failure("values must be strings, numbers, booleans or null.");
                }

                output.Append(Text(value));
                i++;
            }
            else
            {
                output.Append(c);
            }
        }

        return next == arguments.Count ? JsonValue.Create(output.ToString()) : throw Failure("there are more values than {} placeholders.");
    }
}

internal sealed class StringToJsonFunction : IntrinsicFunction
{
    public override string Name => "States.StringToJson";

    public override int MinArguments => 1;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        // AWS reads a string of only whitespace as JSON null.
        var text = StringArgument(arguments, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return Payloads.Parse(text);
        }
        catch (JsonException e)
        {
            throw Failure($"the string is not valid JSON ({JsonErrors.Describe(e)}).");
        }
    }
}

internal sealed class JsonToStringFunction : IntrinsicFunction
{
    public override string Name => "States.JsonToString";

    public override int MinArguments => 1;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments) => JsonValue.Create(arguments[0]?.ToJsonString() ?? "null");
}

/// <summary><c>States.StringSplit(text, delimiters)</c>: splits on any of the delimiter characters, dropping empty parts.</summary>
internal sealed class StringSplitFunction : IntrinsicFunction
{
    public override string Name => "States.StringSplit";

    public override int MinArguments => 2;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var text = StringArgument(arguments, 0);
        var delimiters = StringArgument(arguments, 1).ToCharArray();
        var parts = delimiters.Length == 0 ? [text] : text.Split(delimiters, StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray([.. parts.Select(p => (JsonNode?)JsonValue.Create(p))]);
    }
}

internal sealed class Base64EncodeFunction : IntrinsicFunction
{
    public override string Name => "States.Base64Encode";

    public override int MinArguments => 1;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var text = StringArgument(arguments, 0);
        return text.Length > 10_000
            ? throw Failure("the input is longer than 10,000 characters.")
            : JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }
}

internal sealed class Base64DecodeFunction : IntrinsicFunction
{
    public override string Name => "States.Base64Decode";

    public override int MinArguments => 1;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var text = StringArgument(arguments, 0);
        if (text.Length > 10_000)
        {
            throw Failure("the input is longer than 10,000 characters.");
        }

        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw Failure("the input is not valid Base64.");
        }
    }
}

internal sealed class UuidFunction : IntrinsicFunction
{
    public override string Name => "States.UUID";

    public override int MinArguments => 0;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments) => JsonValue.Create(Guid.NewGuid().ToString());
}
