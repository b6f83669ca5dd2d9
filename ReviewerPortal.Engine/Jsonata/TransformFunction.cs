namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// <c>| location | update [, delete] |</c>: a function that returns a deep copy of its argument in which every object
/// the location selects is merged with the update object and loses the keys the delete clause names.
/// </summary>
internal sealed class TransformFunction(Node definition, Environment closure) : IFunction
{
    public int Arity => 1;

    public object? Invoke(Evaluator evaluator, IReadOnlyList<object?> args, object? context)
    {
        var target = args.Count > 0 ? args[0] : null;
        if (target is null)
        {
            return null;
        }

        var copy = Copy(target);
        var matches = JsonataValues.AsArray(evaluator.Evaluate(definition.Lhs!, copy, closure));
        foreach (var match in matches.OfType<JMap>())
        {
            switch (evaluator.Evaluate(definition.Rhs!, match, closure))
            {
                case null:
                    break;
                case JMap update:
                    foreach (var (key, value) in update)
                    {
                        match[key] = value;
                    }

                    break;
                case var other:
                    throw new JsonataException("T2011", $"The insert/update clause of the transform expression must evaluate to an object: {Functions.Strings.Stringify(other)}", definition.Rhs!.Position);
            }

            if (definition.Else is null)
            {
                continue;
            }

            var deletions = evaluator.Evaluate(definition.Else, match, closure);
            foreach (var key in JsonataValues.AsArray(deletions))
            {
                if (key is not string name)
                {
                    throw new JsonataException("T2012", $"The delete clause of the transform expression must evaluate to a string or array of strings: {Functions.Strings.Stringify(deletions)}", definition.Else.Position);
                }

                match.Remove(name);
            }
        }

        return copy;
    }

    private static object? Copy(object? value) => value switch
    {
        JList list => new JList(list.Select(Copy)) { IsSequence = list.IsSequence },
        JMap map => CopyMap(map),
        _ => value,
    };

    private static JMap CopyMap(JMap map)
    {
        var copy = new JMap();
        foreach (var (key, item) in map)
        {
            copy[key] = Copy(item);
        }

        return copy;
    }
}
