using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Intrinsics;

/// <summary><c>States.Hash(data, algorithm)</c> with MD5, SHA-1, SHA-256, SHA-384 or SHA-512, as lower-case hex.</summary>
internal sealed class HashFunction : IntrinsicFunction
{
    public override string Name => "States.Hash";

    public override int MinArguments => 2;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var data = arguments[0] is null ? "null" : Text(arguments[0]);
        if (data.Length > 10_000)
        {
            throw Failure("the data is longer than 10,000 characters.");
        }

        var bytes = Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are part of the States.Hash contract, not used for security here.
        var hash = StringArgument(arguments, 1) switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            var other => throw Failure($"'{other}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512."),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(hash));
    }
}

/// <summary><c>States.JsonMerge(a, b, false)</c>: a shallow merge, b's members win; deep merge is not supported by Step Functions.</summary>
internal sealed class JsonMergeFunction : IntrinsicFunction
{
    public override string Name => "States.JsonMerge";

    public override int MinArguments => 3;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var left = arguments[0] as JsonObject ?? throw Failure("argument 1 must be an object.");
        var right = arguments[1] as JsonObject ?? throw Failure("argument 2 must be an object.");
        if (BooleanArgument(arguments, 2))
        {
            throw Failure("deep merging (true) is not supported; pass false.");
        }

        var merged = (JsonObject)left.DeepClone();
        foreach (var pair in right)
        {
            merged[pair.Key] = pair.Value?.DeepClone();
        }

        return merged;
    }
}

/// <summary><c>States.MathRandom(start, end[, seed])</c>: an integer between start and end, both included (as the service and LocalStack's port of it answer).</summary>
internal sealed class MathRandomFunction : IntrinsicFunction
{
    public override string Name => "States.MathRandom";

    public override int MinArguments => 2;

    public override int MaxArguments => 3;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var start = RoundedIntegerArgument(arguments, 0);
        var end = RoundedIntegerArgument(arguments, 1);
        if (end < start)
        {
            throw Failure("the end must not be smaller than the start.");
        }

#pragma warning disable CA5394 // not security relevant: workflow sampling, and a seed must give a repeatable value.
        var random = arguments.Count == 3 ? new Random(unchecked((int)RoundedIntegerArgument(arguments, 2))) : Random.Shared;

        // NextInt64's upper bound is exclusive; at long.MaxValue it cannot be raised by one, and that one value is left out.
        return Number(random.NextInt64(start, end == long.MaxValue ? end : end + 1));
#pragma warning restore CA5394
    }
}

/// <summary><c>States.MathAdd(a, b)</c>: each argument rounded half up to an integer first (AWS: 1.5 → 2, -1.5 → -1).</summary>
internal sealed class MathAddFunction : IntrinsicFunction
{
    public override string Name => "States.MathAdd";

    public override int MinArguments => 2;

    public override JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments)
    {
        var left = RoundedIntegerArgument(arguments, 0);
        var right = RoundedIntegerArgument(arguments, 1);
        return long.MaxValue - Math.Max(right, 0) < left || long.MinValue - Math.Min(right, 0) > left
            ? throw Failure("the sum is outside the 64-bit integer range.")
            : Number(left + right);
    }
}
