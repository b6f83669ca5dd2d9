using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Intrinsics;

internal sealed class ArrayFunction : IntrinsicFunction
{
    public override string Name => "States.Array";

    public override int MinArguments => 0;

    public override int MaxArguments => int.MaxValue;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments) => new JsonArray([.. arguments.Select(a => a?.DeepClone())]);
}

internal sealed class ArrayPartitionFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayPartition";

    public override int MinArguments => 2;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var array = ArrayArgument(arguments, 0);
        var size = IntegerArgument(arguments, 1);
        if (size <= 0)
        {
            throw Failure("the chunk size must be a positive integer.");
        }

        return new JsonArray([.. array.Chunk((int)Math.Min(size, int.MaxValue)).Select(c => (JsonNode?)new JsonArray([.. c.Select(n => n?.DeepClone())]))]);
    }
}

internal sealed class ArrayContainsFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayContains";

    public override int MinArguments => 2;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments) =>
        JsonValue.Create(ArrayArgument(arguments, 0).Any(item => JsonNode.DeepEquals(item, arguments[1])));
}

/// <summary><c>States.ArrayRange(first, last, step)</c>: inclusive of <c>last</c> when the steps reach it; at most 1,000 items.</summary>
internal sealed class ArrayRangeFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayRange";

    public override int MinArguments => 3;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var first = IntegerArgument(arguments, 0);
        var last = IntegerArgument(arguments, 1);
        var step = IntegerArgument(arguments, 2);
        if (step == 0)
        {
            throw Failure("the step must not be 0.");
        }

        var result = new JsonArray();
        for (var v = first; step > 0 ? v <= last : v >= last; v += step)
        {
            if (result.Count == 1000)
            {
                throw Failure("the range has more than 1,000 items.");
            }

            result.Add(Number(v));
        }

        return result;
    }
}

internal sealed class ArrayGetItemFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayGetItem";

    public override int MinArguments => 2;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var array = ArrayArgument(arguments, 0);
        var index = IntegerArgument(arguments, 1);
        return index >= 0 && index < array.Count ? array[(int)index]?.DeepClone() : throw Failure($"index {index} is out of bounds.");
    }
}

internal sealed class ArrayLengthFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayLength";

    public override int MinArguments => 1;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments) => Number(ArrayArgument(arguments, 0).Count);
}

internal sealed class ArrayUniqueFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayUnique";

    public override int MinArguments => 1;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        // A hash set keeps this linear: comparing each item with every kept one took seconds for 20,000 numbers.
        var seen = new HashSet<JsonNode?>(JsonValueComparer.Instance);
        var unique = new JsonArray();
        foreach (var item in ArrayArgument(arguments, 0))
        {
            if (seen.Add(item))
            {
                unique.Add(item?.DeepClone());
            }
        }

        return unique;
    }
}
