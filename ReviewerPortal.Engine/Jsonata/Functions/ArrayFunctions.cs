namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>JSONata's array functions and <c>$count</c>.</summary>
internal static class ArrayFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Add("count", "<a:n>", (_, a) => a[0] is JList list ? (double)list.Count : 0.0);
        library.Add("append", "<xx:a>", (_, a) => JsonataValues.Append(a[0], a[1]));
        library.Add("sort", "<af?:a>", (e, a) => a[0] is JList list ? Sort(e, list, a[1]) : null);
        library.Add("reverse", "<a:a>", (_, a) => a[0] is JList list ? new JList(Enumerable.Reverse(list)) : null);
        library.Add("shuffle", "<a:a>", (_, a) => a[0] is JList list ? new JList(list.OrderBy(_ => Random.Shared.Next())) : null);
        library.Add("distinct", "<x:x>", (_, a) => a[0] is JList list ? Distinct(list) : a[0]);
        library.Add("zip", "<a+>", (_, a) => Zip(a));
    }

    private static JList Sort(Evaluator evaluator, JList list, object? comparator)
    {
        if (comparator is null)
        {
            if (!list.All(item => item is double) && !list.All(item => item is string))
            {
                throw new JsonataException("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");
            }

            return new JList(Evaluator.StableSort(list, Comparer<object?>.Create((x, y) => Evaluator.CompareSortKeys(x, y, -1))));
        }

        // The comparator answers "should a come after b?"; a stable sort keeps equal items in order.
        var order = Comparer<object?>.Create((x, y) =>
            JsonataValues.Truthy(evaluator.Apply(comparator, [x, y], null)) ? 1
            : JsonataValues.Truthy(evaluator.Apply(comparator, [y, x], null)) ? -1 : 0);
        return new JList(Evaluator.StableSort(list, order));
    }

    private static JList Distinct(JList list)
    {
        var result = new JList();
        foreach (var item in list)
        {
            if (!result.Any(seen => JsonataValues.DeepEquals(seen, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static JList Zip(object?[] arrays)
    {
        var lists = arrays.Select(JsonataValues.AsArray).ToList();
        var length = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
        var result = new JList();
        for (var i = 0; i < length; i++)
        {
            result.Add(new JList(lists.Select(l => l[i])));
        }

        return result;
    }
}
