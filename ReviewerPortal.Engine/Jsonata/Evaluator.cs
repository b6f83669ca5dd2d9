using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// Evaluates a parsed expression against an input with JSONata's semantics: path steps map over sequences and
/// flatten them, a singleton sequence is its item, an empty one is undefined (C# null). Evaluation is bounded: past
/// <see cref="JsonataLimits.MaxDepth"/> nested evaluations or <see cref="JsonataLimits.Timeout"/> it stops with U1001 or U1002.
/// </summary>
internal sealed partial class Evaluator(JsonataLimits limits, Environment globals, DateTimeOffset now)
{
    private readonly long started = Stopwatch.GetTimestamp();
    private int depth;
    private int steps;

    /// <summary>The scope holding the functions and the host's variables; <c>$eval</c> evaluates in it.</summary>
    public Environment Globals => globals;

    public DateTimeOffset Now => now;

    public object? Evaluate(Node node, object? input, Environment env)
    {
        if (++depth > limits.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            depth = 0;
            throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.", node.Position);
        }

        if ((++steps & 0x3FF) == 0 && Stopwatch.GetElapsedTime(started) > limits.Timeout)
        {
            throw new JsonataException("U1002", "Expression evaluation timeout: Check for infinite loop", node.Position);
        }

        try
        {
            var result = EvaluateNode(node, input, env);
            if (result is TupleStream stream && node.Predicates is not null)
            {
                foreach (var predicate in node.Predicates)
                {
                    stream = FilterTuples(predicate, stream, env);
                }

                result = Contexts(stream);
            }
            else if (node.Predicates is not null)
            {
                foreach (var predicate in node.Predicates)
                {
                    result = Filter(predicate, result, env);
                }
            }

            if (node.Kind != NodeKind.Path && node.Group is not null)
            {
                result = Group(node.Group, result, env);
            }

            return Collapse(result, node.KeepArray);
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>A sequence of one item is that item, and an empty sequence is undefined (unless kept as an array).</summary>
    private static object? Collapse(object? result, bool keepArray)
    {
        if (result is not JList { IsSequence: true } sequence)
        {
            return result;
        }

        if (keepArray)
        {
            sequence.KeepSingleton = true;
        }

        return sequence.Count switch
        {
            0 => null,
            1 => sequence.KeepSingleton ? sequence : sequence[0],
            _ => sequence,
        };
    }

    private object? EvaluateNode(Node node, object? input, Environment env) => node.Kind switch
    {
        NodeKind.Path => EvaluatePath(node, input, env),
        NodeKind.Name => Lookup(input, (string)node.Value!),
        NodeKind.Variable => Variable(node, input, env),
        NodeKind.String or NodeKind.Number or NodeKind.Value or NodeKind.Regex => node.Value,
        NodeKind.Wildcard => Wildcard(input),
        NodeKind.Descendant => Descendants(input),
        NodeKind.Parent => env.Lookup(((ParentSlot)node.Value!).Label),
        NodeKind.Binary => Binary(node, input, env),
        NodeKind.Negate => Negate(node, input, env),
        NodeKind.Array => ArrayConstructor(node, input, env),
        NodeKind.Object => Group(node.Pairs, input, env),
        NodeKind.Condition => JsonataValues.Truthy(Evaluate(node.Lhs!, input, env))
            ? Evaluate(node.Rhs!, input, env)
            : node.Else is null ? null : Evaluate(node.Else, input, env),
        NodeKind.Block => Block(node, input, env),
        NodeKind.Bind => Bind(node, input, env),
        NodeKind.Lambda => new Lambda(node, env, input),
        NodeKind.Call => Call(node, input, env),
        NodeKind.Apply => ApplyChain(node, input, env),
        NodeKind.Sort => Sort(node, input, env),
        NodeKind.Transform => new TransformFunction(node, env),
        NodeKind.Placeholder => throw new JsonataException("S0201", "Syntax error: \"?\"", node.Position),
        _ => throw new JsonataException("S0201", $"Unsupported expression: {node.Kind}", node.Position),
    };

    private static object? Variable(Node node, object? input, Environment env)
    {
        var name = (string)node.Value!;
        if (name.Length == 0)
        {
            return input is JList { OuterWrapper: true } wrapper ? wrapper[0] : input;
        }

        return env.Lookup(name);
    }

    private object? Block(Node node, object? input, Environment env)
    {
        var scope = new Environment(env);
        object? result = null;
        foreach (var expression in node.Items)
        {
            result = Evaluate(expression, input, scope);
        }

        return result;
    }

    private object? Bind(Node node, object? input, Environment env)
    {
        var value = Evaluate(node.Rhs!, input, env);
        env.Bind((string)node.Lhs!.Value!, value);
        return value;
    }

    private object? EvaluatePath(Node path, object? input, Environment env)
    {
        // A path's first step sees the whole input array only when the step is a variable: otherwise each item.
        object? sequence = input is JList list && path.Items[0].Kind != NodeKind.Variable ? list : JList.Single(input);
        JList? result = null;
        TupleStream? tuples = null;
        var tupleMode = false;
        for (var i = 0; i < path.Items.Count; i++)
        {
            var step = path.Items[i];
            tupleMode |= step.Tuple;
            if (i == 0 && step.ConsArray)
            {
                result = AsSequence(Evaluate(step, sequence, env));
            }
            else if (tupleMode)
            {
                tuples = TupleStep(step, (JList)sequence!, tuples, env);
                continue;
            }
            else
            {
                result = Step(step, (JList)sequence!, env, i == path.Items.Count - 1);
            }

            if (result.Count == 0 && !tupleMode)
            {
                break;
            }

            sequence = result;
        }

        if (tuples is not null)
        {
            if (path.Tuple)
            {
                // A later '%' of the enclosing path needs this path's bindings: hand the stream over as it is.
                return tuples;
            }

            result = Contexts(tuples);
        }

        if (path.KeepSingletonArray && result is not null)
        {
            if (result is { Constructed: true, IsSequence: false })
            {
                result = JList.Single(result);
            }

            if (result.IsSequence)
            {
                result.KeepSingleton = true;
            }
        }

        if (path.Group is null)
        {
            return result;
        }

        return tuples is null ? Group(path.Group, result, env) : GroupTuples(path.Group, tuples, env);
    }

    private static JList AsSequence(object? value) => value switch
    {
        JList { IsSequence: true } s => s,
        null => JList.Sequence(),
        _ => JList.Single(value),
    };

    private JList Step(Node step, JList input, Environment env, bool lastStep)
    {
        if (step.Kind == NodeKind.Sort)
        {
            var sorted = AsSequence(Sort(step, input, env));
            return step.Stages is null ? sorted : ApplyStages(step.Stages, sorted, env);
        }

        var collected = new List<object?>(input.Count);
        foreach (var item in input)
        {
            var value = Evaluate(step, item, env);
            if (step.Stages is not null)
            {
                foreach (var stage in step.Stages)
                {
                    value = Filter(stage, value, env);
                }
            }

            if (value is not null)
            {
                collected.Add(value);
            }
        }

        if (lastStep && collected.Count == 1 && collected[0] is JList { IsSequence: false } only)
        {
            // The last step's own array is the result as it is, not flattened into a sequence.
            return only;
        }

        var result = JList.Sequence();
        foreach (var value in collected)
        {
            if (value is JList { Constructed: false } array)
            {
                result.AddRange(array);
            }
            else
            {
                result.Add(value);
            }
        }

        return result;
    }

    private JList ApplyStages(List<Node> stages, JList value, Environment env)
    {
        foreach (var stage in stages)
        {
            value = Filter(stage, value, env);
        }

        return value;
    }
}
