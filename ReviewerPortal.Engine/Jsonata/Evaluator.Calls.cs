namespace ReviewerPortal.Engine.Jsonata;

/// <summary>Function calls, partial application and the <c>~&gt;</c> chain.</summary>
internal sealed partial class Evaluator
{
    public object? Apply(object? function, IReadOnlyList<object?> args, object? context) =>
        function is IFunction f
            ? f.Invoke(this, args, context)
            : throw new JsonataException("T1006", "Attempted to invoke a non-function");

    private object? Call(Node node, object? input, Environment env, object? chained = null, bool isChained = false)
    {
        var procedure = Evaluate(node.Lhs!, input, env);
        if (procedure is null && node.Lhs!.Kind == NodeKind.Path && node.Lhs.Items[0].Kind == NodeKind.Name
            && env.TryLookup((string)node.Lhs.Items[0].Value!, out var function) && function is IFunction)
        {
            throw new JsonataException("T1005", $"Attempted to invoke a non-function. Did you mean ${node.Lhs.Items[0].Value}?", node.Position);
        }

        var args = new List<object?>(node.Items.Count + 1);
        if (isChained)
        {
            args.Add(chained);
        }

        var placeholders = new List<bool>();
        foreach (var argument in node.Items)
        {
            var isPlaceholder = argument.Kind == NodeKind.Placeholder;
            placeholders.Add(isPlaceholder);
            args.Add(isPlaceholder ? null : Evaluate(argument, input, env));
        }

        if (placeholders.Contains(true))
        {
            if (isChained)
            {
                placeholders.Insert(0, false);
            }

            return procedure is IFunction target
                ? new PartialFunction(target, args, placeholders)
                : throw new JsonataException("T1008", "Attempted to partially apply a non-function", node.Position);
        }

        try
        {
            return Apply(procedure, args, input);
        }
        catch (JsonataException e) when (e.Position < 0)
        {
            throw new JsonataException(e.Code, e.Text, node.Position);
        }
    }

    private object? ApplyChain(Node node, object? input, Environment env)
    {
        var lhs = Evaluate(node.Lhs!, input, env);
        if (node.Rhs!.Kind == NodeKind.Call)
        {
            return Call(node.Rhs, input, env, lhs, isChained: true);
        }

        var function = Evaluate(node.Rhs, input, env);
        if (function is not IFunction rhs)
        {
            throw new JsonataException("T2006", "The right side of the function application operator ~> must be a function", node.Position);
        }

        return lhs is IFunction first ? new ComposedFunction(first, rhs) : Apply(rhs, [lhs], input);
    }

    /// <summary><c>$f ~&gt; $g</c> with two functions: a function that applies f, then g.</summary>
    private sealed class ComposedFunction(IFunction first, IFunction second) : IFunction
    {
        public int Arity => first.Arity;

        public object? Invoke(Evaluator evaluator, IReadOnlyList<object?> args, object? context) =>
            second.Invoke(evaluator, [first.Invoke(evaluator, args, context)], context);
    }
}
