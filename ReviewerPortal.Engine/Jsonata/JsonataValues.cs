namespace ReviewerPortal.Engine.Jsonata;

/// <summary>JSONata's casts and comparisons on its value model: truthiness, deep equality, sequence appending.</summary>
internal static class JsonataValues
{
    /// <summary>JSONata's boolean cast: empty strings, zero, empty arrays and objects, null and functions are false.</summary>
    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        double d => d != 0,
        JList list => list.Count switch
        {
            0 => false,
            1 => Truthy(list[0]),
            _ => list.Any(Truthy),
        },
        JMap map => map.Count > 0,
        _ => false,
    };

    /// <summary>The boolean cast, keeping undefined as undefined (for <c>$boolean</c>).</summary>
    public static object? Boolean(object? value) => value is null ? null : Truthy(value);

    public static bool DeepEquals(object? a, object? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (double x, double y):
                return x == y;
            case (string x, string y):
                return string.Equals(x, y, StringComparison.Ordinal);
            case (bool x, bool y):
                return x == y;
            case (JsonNull, JsonNull):
                return true;
            case (JList x, JList y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEquals(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (JMap x, JMap y):
                return x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && DeepEquals(p.Value, y[p.Key]));
            default:
                return ReferenceEquals(a, b);
        }
    }

    /// <summary>JSONata's <c>append</c>: joins two values into one sequence, where undefined adds nothing.</summary>
    public static object? Append(object? first, object? second)
    {
        if (first is null)
        {
            return second;
        }

        if (second is null)
        {
            return first;
        }

        // A new array, as JavaScript's concat makes: neither operand is changed.
        var result = first is JList list ? new JList(list) : [first];
        if (second is JList other)
        {
            result.AddRange(other);
        }
        else
        {
            result.Add(second);
        }

        return result;
    }

    public static JList Flatten(JList array)
    {
        var result = new JList();
        foreach (var item in array)
        {
            if (item is JList inner)
            {
                result.AddRange(Flatten(inner));
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>An array argument: undefined is empty, a single value is an array of one.</summary>
    public static JList AsArray(object? value) => value switch
    {
        null => [],
        JList list => list,
        _ => [value],
    };

    public static string TypeName(object? value) => value switch
    {
        null => "undefined",
        string => "string",
        double => "number",
        bool => "boolean",
        JsonNull => "null",
        JList => "array",
        JMap => "object",
        IFunction => "function",
        _ => "unknown",
    };
}
