namespace ReviewerPortal.Engine.Jsonata;

/// <summary>Array and object constructors, grouping and order-by.</summary>
internal sealed partial class Evaluator
{
    private JList ArrayConstructor(Node node, object? input, Environment env)
    {
        var result = new JList { Constructed = node.ConsArray };
        foreach (var item in node.Items)
        {
            var value = Evaluate(item, input, env);
            if (value is null)
            {
                continue;
            }

            // A nested constructor stays one item; any other array (a path's sequence, a range) is spliced in.
            if (item.Kind != NodeKind.Array && value is JList list)
            {
                result.AddRange(list);
            }
            else
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>
    /// <c>{key: value}</c>, as a constructor or as a grouping after a path: each input item is filed under the key it
    /// evaluates to, and each value expression is evaluated once per key against the items filed there.
    /// </summary>
    private JMap Group(List<(Node Key, Node Value)> pairs, object? input, Environment env)
    {
        var items = input as JList ?? JList.Single(input);
        if (items.Count == 0)
        {
            items = JList.Single(null);
        }

        var groups = new Dictionary<string, (object? Data, int Pair)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in items)
        {
            for (var p = 0; p < pairs.Count; p++)
            {
                var key = Evaluate(pairs[p].Key, item, env);
                if (key is null)
                {
                    continue;
                }

                if (key is not string name)
                {
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Functions.Strings.Stringify(key)}", pairs[p].Key.Position);
                }

                if (groups.TryGetValue(name, out var group))
                {
                    if (group.Pair != p)
                    {
                        throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: \"{name}\"", pairs[p].Key.Position);
                    }

                    groups[name] = (JsonataValues.Append(group.Data, item), p);
                }
                else
                {
                    groups[name] = (item, p);
                    order.Add(name);
                }
            }
        }

        var result = new JMap();
        foreach (var name in order)
        {
            var (data, pair) = groups[name];
            var value = Evaluate(pairs[pair].Value, data, env);
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    private JList Sort(Node node, object? input, Environment env)
    {
        var items = input as JList ?? JList.Single(input);
        var comparer = Comparer<object?>.Create((a, b) => CompareForSort(node, a, b, env));
        return new JList(StableSort(items, comparer)) { IsSequence = true };
    }

    private int CompareForSort(Node node, object? a, object? b, Environment env)
    {
        foreach (var (expression, descending) in node.SortTerms)
        {
            var x = Evaluate(expression, a, env);
            var y = Evaluate(expression, b, env);
            var order = CompareSortKeys(x, y, expression.Position);
            if (order != 0)
            {
                // Undefined keys go last in either direction.
                return descending && x is not null && y is not null ? -order : order;
            }
        }

        return 0;
    }

    /// <summary>A stable sort that lets a comparer's JSONata error out as it is, not wrapped by the sort.</summary>
    public static List<object?> StableSort(IEnumerable<object?> items, IComparer<object?> comparer)
    {
        try
        {
            return items.OrderBy(item => item, comparer).ToList();
        }
        catch (InvalidOperationException e) when (e.InnerException is JsonataException inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    public static int CompareSortKeys(object? x, object? y, int position)
    {
        if (x is null || y is null)
        {
            return x is null && y is null ? 0 : x is null ? 1 : -1;
        }

        if (x is not (double or string) || y is not (double or string))
        {
            throw new JsonataException("T2008", "The expressions within an order-by clause must evaluate to numeric or string values", position);
        }

        return (x, y) switch
        {
            (double p, double q) => p.CompareTo(q),
            (string p, string q) => string.CompareOrdinal(p, q),
            _ => throw new JsonataException("T2007", $"Type mismatch when comparing values {Functions.Strings.Stringify(x)} and {Functions.Strings.Stringify(y)} in order-by clause", position),
        };
    }
}
