namespace ReviewerPortal.Engine.Jsonata;

/// <summary>Arithmetic, comparison, boolean, string concatenation, membership, range and coalescing operators.</summary>
internal sealed partial class Evaluator
{
    /// <summary>The largest array the range operator builds, as in JSONata.</summary>
    private const double MaxRange = 1e7;

    private object? Binary(Node node, object? input, Environment env)
    {
        var op = (string)node.Value!;
        switch (op)
        {
            case "and":
                return JsonataValues.Truthy(Evaluate(node.Lhs!, input, env)) && JsonataValues.Truthy(Evaluate(node.Rhs!, input, env));
            case "or":
                return JsonataValues.Truthy(Evaluate(node.Lhs!, input, env)) || JsonataValues.Truthy(Evaluate(node.Rhs!, input, env));
            case "??":
                return Evaluate(node.Lhs!, input, env) ?? Evaluate(node.Rhs!, input, env);
            case "?:":
                var value = Evaluate(node.Lhs!, input, env);
                return JsonataValues.Truthy(value) ? value : Evaluate(node.Rhs!, input, env);
        }

        var lhs = Evaluate(node.Lhs!, input, env);
        var rhs = Evaluate(node.Rhs!, input, env);
        return op switch
        {
            "+" or "-" or "*" or "/" or "%" => Arithmetic(op, lhs, rhs, node.Position) is { } number ? number : null,
            "=" => lhs is not null && rhs is not null && JsonataValues.DeepEquals(lhs, rhs),
            "!=" => lhs is not null && rhs is not null && !JsonataValues.DeepEquals(lhs, rhs),
            "<" or "<=" or ">" or ">=" => Compare(op, lhs, rhs, node.Position) is { } order ? order : null,
            "&" => Functions.Strings.Stringify(lhs ?? "") + Functions.Strings.Stringify(rhs ?? ""),
            "in" => rhs is not null && lhs is not null && JsonataValues.AsArray(rhs).Any(item => JsonataValues.DeepEquals(item, lhs)),
            ".." => Range(lhs, rhs, node.Position),
            _ => throw new JsonataException("S0204", $"Unknown operator: \"{op}\"", node.Position),
        };
    }

    private static double? Arithmetic(string op, object? lhs, object? rhs, int position)
    {
        if (lhs is not null and not double)
        {
            throw new JsonataException("T2001", $"The left side of the \"{op}\" operator must evaluate to a number", position);
        }

        if (rhs is not null and not double)
        {
            throw new JsonataException("T2002", $"The right side of the \"{op}\" operator must evaluate to a number", position);
        }

        if (lhs is not double left || rhs is not double right)
        {
            return null;
        }

        var result = op switch
        {
            "+" => left + right,
            "-" => left - right,
            "*" => left * right,
            "/" => left / right,
            _ => left % right,
        };
        return double.IsFinite(result)
            ? result
            : throw new JsonataException("D1001", $"Number out of range: {result}", position);
    }

    private static bool? Compare(string op, object? lhs, object? rhs, int position)
    {
        if (lhs is not (null or double or string) || rhs is not (null or double or string))
        {
            throw new JsonataException("T2010", $"The expressions either side of operator \"{op}\" must evaluate to numeric or string values", position);
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        int order;
        if (lhs is double x && rhs is double y)
        {
            order = x.CompareTo(y);
        }
        else if (lhs is string s && rhs is string t)
        {
            order = string.CompareOrdinal(s, t);
        }
        else
        {
            throw new JsonataException("T2009", $"The values {Functions.Strings.Stringify(lhs)} and {Functions.Strings.Stringify(rhs)} either side of operator \"{op}\" must be of the same data type", position);
        }

        return op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }

    private static JList? Range(object? lhs, object? rhs, int position)
    {
        if (lhs is not null && (lhs is not double l || l != Math.Floor(l)))
        {
            throw new JsonataException("T2003", "The left side of the range operator (..) must evaluate to an integer", position);
        }

        if (rhs is not null && (rhs is not double r || r != Math.Floor(r)))
        {
            throw new JsonataException("T2004", "The right side of the range operator (..) must evaluate to an integer", position);
        }

        if (lhs is not double from || rhs is not double to || from > to)
        {
            return null;
        }

        var size = to - from + 1;
        if (size > MaxRange)
        {
            throw new JsonataException("D2014", $"The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {size}.", position);
        }

        var result = new JList { IsSequence = false };
        for (var i = from; i <= to; i++)
        {
            result.Add(i);
        }

        return result;
    }

    private object? Negate(Node node, object? input, Environment env)
    {
        var value = Evaluate(node.Lhs!, input, env);
        return value switch
        {
            null => null,
            double d => -d,
            _ => throw new JsonataException("D1002", $"Cannot negate a non-numeric value: {Functions.Strings.Stringify(value)}", node.Position),
        };
    }
}
