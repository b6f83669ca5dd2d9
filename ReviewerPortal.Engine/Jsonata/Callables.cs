using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Jsonata;

/// <summary>Anything JSONata can invoke: lambdas, the built-in functions, partial applications and regular expressions.</summary>
internal interface IFunction
{
    /// <summary>How many arguments a higher-order function (<c>$map</c>, <c>$filter</c>, …) passes this function.</summary>
    int Arity { get; }

    object? Invoke(Evaluator evaluator, IReadOnlyList<object?> args, object? context);
}

/// <summary>A user-defined function: its body and the scope it closed over.</summary>
internal sealed class Lambda(Node definition, Environment closure, object? closureInput) : IFunction
{
    public int Arity => definition.Parameters.Count;

    public Node Definition => definition;

    public object? Invoke(Evaluator evaluator, IReadOnlyList<object?> args, object? context)
    {
        var validated = definition.Signature is null ? args : definition.Signature.Validate(args, context, "lambda");
        var scope = new Environment(closure);
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            scope.Bind(definition.Parameters[i], i < validated.Count ? validated[i] : null);
        }

        return evaluator.Evaluate(definition.Rhs!, closureInput, scope);
    }
}

/// <summary>A built-in function with its JSONata signature.</summary>
internal sealed class NativeFunction(string name, string signature, Func<Evaluator, object?[], object?> body) : IFunction
{
    private readonly Signature parsed = Signature.Parse(signature);

    public string Name => name;

    public int Arity => parsed.Arity;

    public object? Invoke(Evaluator evaluator, IReadOnlyList<object?> args, object? context) =>
        body(evaluator, parsed.Validate(args, context, "$" + name));
}

/// <summary><c>$f(?, 2)</c>: a function waiting for the arguments left as placeholders.</summary>
internal sealed class PartialFunction(IFunction target, IReadOnlyList<object?> bound, IReadOnlyList<bool> placeholders) : IFunction
{
    public int Arity => placeholders.Count(p => p);

    public object? Invoke(Evaluator evaluator, IReadOnlyList<object?> args, object? context)
    {
        var full = new object?[bound.Count];
        var next = 0;
        for (var i = 0; i < bound.Count; i++)
        {
            full[i] = placeholders[i] ? (next < args.Count ? args[next++] : null) : bound[i];
        }

        return evaluator.Apply(target, full, context);
    }
}

/// <summary>A regular expression literal; invoked on a string it returns the first match, as JSONata's matcher does.</summary>
internal sealed class JsonataRegex(Regex regex) : IFunction
{
    public Regex Regex => regex;

    public int Arity => 1;

    public static JsonataRegex Create(string pattern, string flags)
    {
        var options = RegexOptions.None;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }

        try
        {
            // ECMAScript mode keeps JavaScript's meaning of \d, \w and character classes; it cannot combine with
            // the options below, so a pattern that needs them falls back to .NET's syntax.
            return new JsonataRegex(new Regex(pattern, options | RegexOptions.ECMAScript, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException)
        {
            try
            {
                return new JsonataRegex(new Regex(pattern, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException e)
            {
                throw new JsonataException("S0303", $"Invalid regular expression: {e.Message}");
            }
        }
    }

    public object? Invoke(Evaluator evaluator, IReadOnlyList<object?> args, object? context)
    {
        if (args.Count == 0 || args[0] is not string text)
        {
            return null;
        }

        var match = regex.Match(text);
        return match.Success ? MatchObject(match) : null;
    }

    public static JMap MatchObject(Match match)
    {
        var groups = new JList();
        for (var g = 1; g < match.Groups.Count; g++)
        {
            groups.Add(match.Groups[g].Value);
        }

        return new JMap { ["match"] = match.Value, ["index"] = (double)match.Index, ["groups"] = groups };
    }
}
