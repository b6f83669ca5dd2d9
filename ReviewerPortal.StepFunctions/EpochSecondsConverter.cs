using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewerPortal.StepFunctions;

/// <summary>
/// Timestamps of the JSON 1.0 protocol: AWS writes epoch seconds with a fraction (<c>1700000000.123</c>); some
/// emulators write ISO 8601 strings, so those are read too. Values are UTC, to the millisecond.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => DateTime.UnixEpoch.AddTicks(checked((long)(reader.GetDecimal() * TimeSpan.TicksPerSecond))),
            JsonTokenType.String => DateTime.Parse(
                reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => throw new JsonException($"Expected a timestamp (epoch seconds), found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var milliseconds = (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        writer.WriteNumberValue(milliseconds / 1000m);
    }
}

/// <summary>The nullable twin of <see cref="EpochSecondsConverter"/>: an absent timestamp stays absent.</summary>
public sealed class NullableEpochSecondsConverter : JsonConverter<DateTime?>
{
    private static readonly EpochSecondsConverter Inner = new();

    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTime), options);

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } timestamp)
        {
            Inner.Write(writer, timestamp, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
