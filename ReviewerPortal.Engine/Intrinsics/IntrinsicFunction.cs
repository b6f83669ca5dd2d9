using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Intrinsics;

/// <summary>
/// One intrinsic function (<c>States.Name(…)</c>) with its declared arity; argument type checks fail the state with
/// States.IntrinsicFailure, as Step Functions does.
/// </summary>
internal abstract class IntrinsicFunction
{
    public abstract string Name { get; }

    public abstract int MinArguments { get; }

    public virtual int MaxArguments => MinArguments;

    public abstract JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments);

    protected StateFailure Failure(string why) => new(StatesErrors.IntrinsicFailure, $"Invalid arguments in {Name}: {why}");

    protected string StringArgument(IReadOnlyList<JsonNode?> arguments, int index) =>
        arguments[index] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Failure($"argument {index + 1} must be a string.");

    protected JsonArray ArrayArgument(IReadOnlyList<JsonNode?> arguments, int index) =>
        arguments[index] as JsonArray ?? throw Failure($"argument {index + 1} must be an array.");

    protected decimal NumberArgument(IReadOnlyList<JsonNode?> arguments, int index) =>
        JsonData.TryGetDecimal(arguments[index], out var value) ? value : throw Failure($"argument {index + 1} must be a number.");

    protected long IntegerArgument(IReadOnlyList<JsonNode?> arguments, int index)
    {
        var value = NumberArgument(arguments, index);
        return value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue
            ? (long)value
            : throw Failure($"argument {index + 1} must be an integer.");
    }

    /// <summary>A number rounded half up (towards positive infinity) to an integer, as AWS reads MathAdd's and MathRandom's.</summary>
    protected long RoundedIntegerArgument(IReadOnlyList<JsonNode?> arguments, int index)
    {
        var value = decimal.Floor(NumberArgument(arguments, index) + 0.5m);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : throw Failure($"argument {index + 1} is outside the 64-bit integer range.");
    }

    protected bool BooleanArgument(IReadOnlyList<JsonNode?> arguments, int index) =>
        arguments[index] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : throw Failure($"argument {index + 1} must be a boolean.");

    /// <summary>Numbers come back as integers when integral, so <c>MathAdd(1, 2)</c> prints 3, not 3.0.</summary>
    protected static JsonNode Number(decimal value) =>
        JsonValue.Create(JsonSerializer.SerializeToElement<object>(
            value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value))!;

    protected static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when JsonData.TryGetDecimal(v, out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
