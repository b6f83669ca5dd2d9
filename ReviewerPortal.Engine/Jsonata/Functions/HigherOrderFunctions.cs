namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// <c>$map</c>, <c>$filter</c>, <c>$single</c>, <c>$reduce</c>, <c>$sift</c> and <c>$each</c>. The function is passed as
/// many of (value, index or key, whole array or object) as it declares parameters, as JSONata does.
/// </summary>
internal static class HigherOrderFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Add("map", "<af>", (e, a) => Map(e, JsonataValues.AsArray(a[0]), a[1]!));
        library.Add("filter", "<af>", (e, a) => Filter(e, JsonataValues.AsArray(a[0]), a[1]!));
        library.Add("single", "<af?>", (e, a) => Single(e, JsonataValues.AsArray(a[0]), a[1]));
        library.Add("reduce", "<afj?:j>", (e, a) => Reduce(e, JsonataValues.AsArray(a[0]), (IFunction)a[1]!, a[2]));
        library.Add("sift", "<o-f?:o>", (e, a) => a[0] is JMap map ? Sift(e, map, a[1]!) : null);
        library.Add("each", "<o-f:a>", (e, a) => a[0] is JMap map ? Each(e, map, a[1]!) : null);
    }

    private static object?[] Arguments(object? function, object? value, object? position, object? whole)
    {
        var arity = (function as IFunction)?.Arity ?? 1;
        object?[] all = [value, position, whole];
        return arity >= 3 ? all : all[..Math.Max(1, arity)];
    }

    private static JList Map(Evaluator evaluator, JList array, object function)
    {
        var result = new JList { IsSequence = true };
        for (var i = 0; i < array.Count; i++)
        {
            if (evaluator.Apply(function, Arguments(function, array[i], (double)i, array), null) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static JList Filter(Evaluator evaluator, JList array, object function)
    {
        var result = new JList { IsSequence = true };
        for (var i = 0; i < array.Count; i++)
        {
            if (JsonataValues.Truthy(evaluator.Apply(function, Arguments(function, array[i], (double)i, array), null)))
            {
                result.Add(array[i]);
            }
        }

        return result;
    }

    private static object? Single(Evaluator evaluator, JList array, object? function)
    {
        object? found = null;
        var matched = false;
        for (var i = 0; i < array.Count; i++)
        {
            if (function is null || JsonataValues.Truthy(evaluator.Apply(function, Arguments(function, array[i], (double)i, array), null)))
            {
                if (matched)
                {
                    throw new JsonataException("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.");
                }

                found = array[i];
                matched = true;
            }
        }

        return matched ? found : throw new JsonataException("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
    }

    private static object? Reduce(Evaluator evaluator, JList array, IFunction function, object? initial)
    {
        if (function.Arity < 2)
        {
            throw new JsonataException("D3050", "The second argument of reduce function must be a function with at least two arguments");
        }

        var start = 0;
        var accumulator = initial;
        if (initial is null && array.Count > 0)
        {
            accumulator = array[0];
            start = 1;
        }

        for (var i = start; i < array.Count; i++)
        {
            object?[] args = function.Arity >= 4 ? [accumulator, array[i], (double)i, array] : function.Arity == 3 ? [accumulator, array[i], (double)i] : [accumulator, array[i]];
            accumulator = evaluator.Apply(function, args, null);
        }

        return accumulator;
    }

    private static JMap? Sift(Evaluator evaluator, JMap map, object function)
    {
        var result = new JMap();
        foreach (var (key, value) in map)
        {
            if (JsonataValues.Truthy(evaluator.Apply(function, Arguments(function, value, key, map), null)))
            {
                result[key] = value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static JList Each(Evaluator evaluator, JMap map, object function)
    {
        var result = new JList { IsSequence = true };
        foreach (var (key, value) in map)
        {
            if (evaluator.Apply(function, Arguments(function, value, key, map), null) is { } item)
            {
                result.Add(item);
            }
        }

        return result;
    }
}
