namespace ReviewerPortal.Engine.Jsonata;

/// <summary>Field lookup, wildcards, descendants and predicates.</summary>
internal sealed partial class Evaluator
{
    /// <summary>A field of an object; over an array, the field of each item, flattened into one sequence.</summary>
    public static object? Lookup(object? input, string key)
    {
        if (input is JList list)
        {
            var result = JList.Sequence();
            foreach (var item in list)
            {
                var value = Lookup(item, key);
                if (value is JList inner)
                {
                    result.AddRange(inner);
                }
                else if (value is not null)
                {
                    result.Add(value);
                }
            }

            return result;
        }

        return input is JMap map ? map[key] : null;
    }

    private static JList Wildcard(object? input)
    {
        var results = JList.Sequence();
        if (input is JList { OuterWrapper: true, Count: > 0 } wrapper)
        {
            input = wrapper[0];
        }

        if (input is JMap map)
        {
            foreach (var (_, value) in map)
            {
                if (value is JList array)
                {
                    results.AddRange(JsonataValues.Flatten(array));
                }
                else
                {
                    results.Add(value);
                }
            }
        }

        return results;
    }

    private static object? Descendants(object? input)
    {
        var results = JList.Sequence();
        if (input is not null)
        {
            CollectDescendants(input, results);
        }

        return results.Count == 1 ? results[0] : results;
    }

    private static void CollectDescendants(object? input, JList results)
    {
        if (input is not JList)
        {
            results.Add(input);
        }

        if (input is JList list)
        {
            foreach (var item in list)
            {
                CollectDescendants(item, results);
            }
        }
        else if (input is JMap map)
        {
            foreach (var (_, value) in map)
            {
                CollectDescendants(value, results);
            }
        }
    }

    /// <summary>
    /// <c>[predicate]</c>: a number (or numbers) selects items by index, counting from the end when negative; any
    /// other value keeps the items for which it is true.
    /// </summary>
    private JList Filter(Node predicate, object? input, Environment env)
    {
        var items = input as JList ?? JList.Single(input);
        var results = JList.Sequence();
        if (predicate.Kind == NodeKind.Number)
        {
            var index = (int)Math.Floor((double)predicate.Value!);
            if (index < 0)
            {
                index += items.Count;
            }

            if (index >= 0 && index < items.Count && items[index] is { } item)
            {
                if (item is JList array)
                {
                    return new JList(array) { IsSequence = true };
                }

                results.Add(item);
            }

            return results;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var value = Evaluate(predicate, item, env);
            if (value is double number)
            {
                value = JList.Single(number);
            }

            if (value is JList { Count: > 0 } numbers && numbers.All(n => n is double))
            {
                foreach (var n in numbers.Cast<double>())
                {
                    var index = (int)Math.Floor(n);
                    if (index < 0)
                    {
                        index += items.Count;
                    }

                    if (index == i)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (JsonataValues.Truthy(value))
            {
                results.Add(item);
            }
        }

        return results;
    }
}
