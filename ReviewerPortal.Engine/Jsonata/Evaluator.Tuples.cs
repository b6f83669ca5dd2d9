namespace ReviewerPortal.Engine.Jsonata;

/// <summary>One item of a tuple stream: the context item and the variables bound along the path so far.</summary>
internal sealed class PathTuple(object? context, Dictionary<string, object?> bindings)
{
    public object? Context { get; set; } = context;

    public Dictionary<string, object?> Bindings { get; } = bindings;

    public PathTuple Copy() => new(Context, new Dictionary<string, object?>(Bindings, StringComparer.Ordinal));
}

/// <summary>A path's items with their bindings, as a path marked to keep them hands them to the step it is part of.</summary>
internal sealed class TupleStream : List<PathTuple>;

/// <summary>
/// Paths that bind variables as they go (<c>@$v</c>, <c>#$i</c>, or a step whose context a later <c>%</c> needs)
/// run as tuple streams from that step on: each item carries its bindings, and later steps, predicates, sorts and
/// groupings see them as variables. Paths without such steps never come here and keep the plain, faster evaluation.
/// </summary>
internal sealed partial class Evaluator
{
    private static Environment Frame(Environment env, Dictionary<string, object?> bindings)
    {
        var frame = new Environment(env);
        foreach (var (name, value) in bindings)
        {
            frame.Bind(name, value);
        }

        return frame;
    }

    private TupleStream TupleStep(Node step, JList input, TupleStream? tuples, Environment env)
    {
        if (step.Kind == NodeKind.Sort)
        {
            var sorted = tuples is null
                ? [.. Sort(step, input, env).Select(item => new PathTuple(item, new(StringComparer.Ordinal)))]
                : SortTuples(step, tuples, env);
            if (step.Index is not null)
            {
                BindPositions(sorted, step.Index);
            }

            return step.Stages is null ? sorted : TupleStages(step.Stages, sorted, env);
        }

        tuples ??= [.. input.Select(item => new PathTuple(item, new(StringComparer.Ordinal)))];
        var result = new TupleStream();
        foreach (var tuple in tuples)
        {
            var value = Evaluate(step, tuple.Context, Frame(env, tuple.Bindings));
            if (value is TupleStream inner)
            {
                foreach (var innerTuple in inner)
                {
                    var merged = tuple.Copy();
                    merged.Context = innerTuple.Context;
                    foreach (var (name, bound) in innerTuple.Bindings)
                    {
                        merged.Bindings[name] = bound;
                    }

                    result.Add(merged);
                }

                continue;
            }

            var items = value switch
            {
                null => [],
                JList list => list,
                _ => JList.Single(value),
            };
            for (var position = 0; position < items.Count; position++)
            {
                var next = tuple.Copy();
                if (step.Focus is not null)
                {
                    next.Bindings[step.Focus] = items[position];
                }
                else
                {
                    next.Context = items[position];
                }

                if (step.Index is not null)
                {
                    next.Bindings[step.Index] = (double)position;
                }

                if (step.Ancestor is not null)
                {
                    next.Bindings[step.Ancestor.Label] = tuple.Context;
                }

                result.Add(next);
            }
        }

        return step.Stages is null ? result : TupleStages(step.Stages, result, env);
    }

    private static void BindPositions(TupleStream tuples, string name)
    {
        for (var i = 0; i < tuples.Count; i++)
        {
            tuples[i].Bindings[name] = (double)i;
        }
    }

    /// <summary>Predicates and positions after a binding step apply to the whole stream, not per context item.</summary>
    private TupleStream TupleStages(List<Node> stages, TupleStream tuples, Environment env)
    {
        foreach (var stage in stages)
        {
            if (stage.Kind == NodeKind.IndexStage)
            {
                BindPositions(tuples, (string)stage.Value!);
            }
            else
            {
                tuples = FilterTuples(stage, tuples, env);
            }
        }

        return tuples;
    }

    private TupleStream FilterTuples(Node predicate, TupleStream tuples, Environment env)
    {
        var results = new TupleStream();
        if (predicate.Kind == NodeKind.Number)
        {
            var index = (int)Math.Floor((double)predicate.Value!);
            index = index < 0 ? index + tuples.Count : index;
            if (index >= 0 && index < tuples.Count)
            {
                results.Add(tuples[index]);
            }

            return results;
        }

        for (var i = 0; i < tuples.Count; i++)
        {
            var value = Evaluate(predicate, tuples[i].Context, Frame(env, tuples[i].Bindings));
            if (value is double number)
            {
                value = JList.Single(number);
            }

            if (value is JList { Count: > 0 } numbers && numbers.All(n => n is double))
            {
                foreach (var n in numbers.Cast<double>())
                {
                    var index = (int)Math.Floor(n);
                    if ((index < 0 ? index + tuples.Count : index) == i)
                    {
                        results.Add(tuples[i]);
                    }
                }
            }
            else if (JsonataValues.Truthy(value))
            {
                results.Add(tuples[i]);
            }
        }

        return results;
    }

    private TupleStream SortTuples(Node node, TupleStream tuples, Environment env)
    {
        var comparer = Comparer<object?>.Create((a, b) =>
        {
            var x = (PathTuple)a!;
            var y = (PathTuple)b!;
            foreach (var (expression, descending) in node.SortTerms)
            {
                var p = Evaluate(expression, x.Context, Frame(env, x.Bindings));
                var q = Evaluate(expression, y.Context, Frame(env, y.Bindings));
                var order = CompareSortKeys(p, q, expression.Position);
                if (order != 0)
                {
                    return descending && p is not null && q is not null ? -order : order;
                }
            }

            return 0;
        });
        var sorted = new TupleStream();
        sorted.AddRange(StableSort(tuples, comparer).Cast<PathTuple>());
        return sorted;
    }

    /// <summary>A grouping over a tuple stream: each group's value sees its items' bindings appended together.</summary>
    private JMap GroupTuples(List<(Node Key, Node Value)> pairs, TupleStream tuples, Environment env)
    {
        if (tuples.Count == 0)
        {
            tuples = [new PathTuple(null, new(StringComparer.Ordinal))];
        }

        var groups = new Dictionary<string, (List<PathTuple> Tuples, int Pair)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var tuple in tuples)
        {
            var frame = Frame(env, tuple.Bindings);
            for (var p = 0; p < pairs.Count; p++)
            {
                var key = Evaluate(pairs[p].Key, tuple.Context, frame);
                if (key is null)
                {
                    continue;
                }

                if (key is not string name)
                {
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Functions.Strings.Stringify(key)}", pairs[p].Key.Position);
                }

                if (!groups.TryGetValue(name, out var group))
                {
                    groups[name] = ([tuple], p);
                    order.Add(name);
                }
                else if (group.Pair != p)
                {
                    throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: \"{name}\"", pairs[p].Key.Position);
                }
                else
                {
                    group.Tuples.Add(tuple);
                }
            }
        }

        var result = new JMap();
        foreach (var name in order)
        {
            var (members, pair) = groups[name];
            object? context = null;
            var bindings = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                context = JsonataValues.Append(context, member.Context);
                foreach (var (variable, bound) in member.Bindings)
                {
                    bindings[variable] = JsonataValues.Append(bindings.GetValueOrDefault(variable), bound);
                }
            }

            var value = Evaluate(pairs[pair].Value, context, Frame(env, bindings));
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static JList Contexts(TupleStream tuples)
    {
        var result = JList.Sequence();
        foreach (var tuple in tuples)
        {
            result.Add(tuple.Context);
        }

        return result;
    }
}
