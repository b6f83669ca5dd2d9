using System.Text;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// A function signature in JSONata's notation, e.g. <c>&lt;s-nn?:s&gt;</c>: one symbol per parameter (s string, n number,
/// b boolean, l null, a array, o object, f function, j any JSON value, x anything, u = bnsl, (..) a choice, a&lt;s&gt; an
/// array of strings) with <c>?</c> optional, <c>+</c> one or more and <c>-</c> "the context item when left out".
/// Arguments are checked as JSONata does: their type letters must match a pattern built from the parameters.
/// </summary>
internal sealed class Signature
{
    private readonly List<Parameter> parameters;
    private readonly Regex pattern;

    private Signature(List<Parameter> parameters)
    {
        this.parameters = parameters;
        pattern = new Regex("^" + string.Concat(parameters.Select(p => "(" + p.Pattern + ")")) + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>How many parameters the function declares: what a higher-order function passes it.</summary>
    public int Arity => parameters.Count;

    public static Signature Parse(string text)
    {
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1];
        }

        // The return type follows the first ':' outside nested <...> (a function parameter's own signature).
        var body = text;
        var nesting = 0;
        for (var i = 0; i < text.Length; i++)
        {
            nesting += text[i] == '<' ? 1 : text[i] == '>' ? -1 : 0;
            if (text[i] == ':' && nesting == 0)
            {
                body = text[..i];
                break;
            }
        }

        var parameters = new List<Parameter>();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            switch (c)
            {
                case 's' or 'n' or 'b' or 'l' or 'o':
                    parameters.Add(new Parameter(c, $"[{c}m]"));
                    break;
                case 'a':
                    parameters.Add(new Parameter(c, "[asnblfom]"));
                    break;
                case 'f':
                    parameters.Add(new Parameter(c, "f"));
                    break;
                case 'j':
                    parameters.Add(new Parameter(c, "[asnblom]"));
                    break;
                case 'x':
                    parameters.Add(new Parameter(c, "[asnblfom]"));
                    break;
                case 'u':
                    parameters.Add(new Parameter(c, "[bnslm]"));
                    break;
                case '(':
                    var close = body.IndexOf(')', i);
                    parameters.Add(new Parameter('(', $"[{body[(i + 1)..close]}m]"));
                    i = close;
                    break;
                case '<':
                    // a<s>: the array's item type; nested signatures of function parameters are not checked.
                    var depth = 1;
                    var start = i + 1;
                    while (depth > 0 && ++i < body.Length)
                    {
                        depth += body[i] == '<' ? 1 : body[i] == '>' ? -1 : 0;
                    }

                    if (parameters[^1].Symbol == 'a')
                    {
                        parameters[^1] = parameters[^1] with { ItemType = body[start..i] };
                    }

                    break;
                case '?':
                    parameters[^1] = parameters[^1] with { Pattern = parameters[^1].Pattern + "?" };
                    break;
                case '+':
                    parameters[^1] = parameters[^1] with { Pattern = parameters[^1].Pattern + "+" };
                    break;
                case '-':
                    parameters[^1] = parameters[^1] with { UsesContext = true, ContextPattern = parameters[^1].Pattern, Pattern = parameters[^1].Pattern + "?" };
                    break;
                default:
                    throw new JsonataException("S0401", $"Type parameter '{c}' in signature is not supported");
            }
        }

        return new Signature(parameters);
    }

    /// <summary>Checks the arguments and returns them as the function receives them (context inserted, arrays wrapped).</summary>
    public object?[] Validate(IReadOnlyList<object?> args, object? context, string functionName)
    {
        var supplied = new StringBuilder(args.Count);
        foreach (var arg in args)
        {
            supplied.Append(Symbol(arg));
        }

        var match = pattern.Match(supplied.ToString());
        if (!match.Success)
        {
            throw Mismatch(args, supplied.ToString(), functionName);
        }

        var validated = new List<object?>(parameters.Count);
        var argIndex = 0;
        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            var group = match.Groups[p + 1].Value;
            if (group.Length == 0)
            {
                if (parameter.UsesContext)
                {
                    if (!Regex.IsMatch(Symbol(context).ToString(), "^" + parameter.ContextPattern + "$", RegexOptions.CultureInvariant))
                    {
                        throw new JsonataException("T0411", $"Context value is not a compatible type with argument {argIndex + 1} of function {functionName}");
                    }

                    validated.Add(context);
                }
                else
                {
                    validated.Add(argIndex < args.Count ? args[argIndex] : null);
                    argIndex++;
                }

                continue;
            }

            foreach (var single in group)
            {
                var arg = args[argIndex];
                if (parameter.Symbol == 'a' && single != 'm')
                {
                    CheckItems(parameter, single, arg, argIndex, functionName);
                    if (single != 'a')
                    {
                        arg = new JList([arg]);
                    }
                }

                validated.Add(arg);
                argIndex++;
            }
        }

        return [.. validated];
    }

    private static void CheckItems(Parameter parameter, char single, object? arg, int argIndex, string functionName)
    {
        if (parameter.ItemType is null)
        {
            return;
        }

        var ok = single == 'a'
            ? ((JList)arg!).All(item => Symbol(item) == parameter.ItemType[0])
            : single == parameter.ItemType[0];
        if (!ok)
        {
            throw new JsonataException("T0412", $"Argument {argIndex + 1} of function {functionName} must be an array of {TypeName(parameter.ItemType[0])}");
        }
    }

    private JsonataException Mismatch(IReadOnlyList<object?> args, string supplied, string functionName)
    {
        // Find the first argument that does not fit, as JSONata's message names it.
        var partial = "^";
        var good = 0;
        foreach (var parameter in parameters)
        {
            partial += parameter.Pattern;
            var m = Regex.Match(supplied, partial, RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                break;
            }

            good = m.Length;
        }

        return good < args.Count
            ? new JsonataException("T0410", $"Argument {good + 1} of function {functionName} does not match function signature")
            : new JsonataException("T0410", $"Function {functionName} takes at most {parameters.Count} arguments, got {args.Count}");
    }

    private static string TypeName(char symbol) => symbol switch
    {
        's' => "strings",
        'n' => "numbers",
        'b' => "booleans",
        'o' => "objects",
        'a' => "arrays",
        _ => "values",
    };

    public static char Symbol(object? value) => value switch
    {
        null => 'm',
        string => 's',
        double => 'n',
        bool => 'b',
        JsonNull => 'l',
        JList => 'a',
        JMap => 'o',
        IFunction => 'f',
        _ => 'm',
    };

    private sealed record Parameter(char Symbol, string Pattern)
    {
        public bool UsesContext { get; init; }

        public string ContextPattern { get; init; } = "";

        public string? ItemType { get; init; }
    }
}
