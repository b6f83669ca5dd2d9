using System.Text.Json.Serialization;

#pragma warning disable CA1707 // member names exactly as AWSSDK.StepFunctions has them (ExecutionStatus.TIMED_OUT)

namespace ReviewerPortal.StepFunctions.Model;

/// <summary>
/// A string enumeration of the Step Functions API, like AWSSDK's ConstantClass: the wire value is the string,
/// unknown values from a newer service version are kept rather than rejected.
/// </summary>
public abstract class StepFunctionsConstant(string value) : IEquatable<StepFunctionsConstant>
{
    public string Value { get; } = value;

    public override string ToString() => Value;

    public bool Equals(StepFunctionsConstant? other) => other is not null && other.GetType() == GetType() && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as StepFunctionsConstant);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public static bool operator ==(StepFunctionsConstant? left, StepFunctionsConstant? right) => Equals(left, right);

    public static bool operator !=(StepFunctionsConstant? left, StepFunctionsConstant? right) => !Equals(left, right);
}

[JsonConverter(typeof(ConstantJsonConverter<ExecutionStatus>))]
public sealed class ExecutionStatus(string value) : StepFunctionsConstant(value)
{
    public static readonly ExecutionStatus RUNNING = new("RUNNING");
    public static readonly ExecutionStatus SUCCEEDED = new("SUCCEEDED");
    public static readonly ExecutionStatus FAILED = new("FAILED");
    public static readonly ExecutionStatus TIMED_OUT = new("TIMED_OUT");
    public static readonly ExecutionStatus ABORTED = new("ABORTED");
    public static readonly ExecutionStatus PENDING_REDRIVE = new("PENDING_REDRIVE");

    public static ExecutionStatus FindValue(string value) => new(value);
}

[JsonConverter(typeof(ConstantJsonConverter<StateMachineType>))]
public sealed class StateMachineType(string value) : StepFunctionsConstant(value)
{
    public static readonly StateMachineType STANDARD = new("STANDARD");
    public static readonly StateMachineType EXPRESS = new("EXPRESS");

    public static StateMachineType FindValue(string value) => new(value);
}

[JsonConverter(typeof(ConstantJsonConverter<StateMachineStatus>))]
public sealed class StateMachineStatus(string value) : StepFunctionsConstant(value)
{
    public static readonly StateMachineStatus ACTIVE = new("ACTIVE");
    public static readonly StateMachineStatus DELETING = new("DELETING");

    public static StateMachineStatus FindValue(string value) => new(value);
}

/// <summary>Reads and writes a <see cref="StepFunctionsConstant"/> as its plain string value.</summary>
public sealed class ConstantJsonConverter<T> : JsonConverter<T>
    where T : StepFunctionsConstant
{
    public override T? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.GetString() is { } s ? (T)Activator.CreateInstance(typeof(T), s)! : null;

    public override void Write(System.Text.Json.Utf8JsonWriter writer, T value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
