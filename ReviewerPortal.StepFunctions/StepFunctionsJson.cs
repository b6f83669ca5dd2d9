using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewerPortal.StepFunctions;

/// <summary>
/// The one JSON configuration of the Step Functions JSON 1.0 wire format, shared by our client and our local server:
/// camelCase member names, timestamps as epoch seconds with fractions (as AWS sends them), constants as their
/// strings, absent values omitted.
/// </summary>
public static class StepFunctionsJson
{
    /// <summary>The <c>Content-Type</c> of every request and response body of the protocol.</summary>
    public const string ContentType = "application/x-amz-json-1.0";

    /// <summary>Prefix of the <c>X-Amz-Target</c> header: <c>AWSStepFunctions.StartExecution</c>.</summary>
    public const string TargetPrefix = "AWSStepFunctions.";

    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a body; an empty body reads as <c>{}</c>, as AWS treats it.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> body)
        where T : new() =>
        body.IsEmpty ? new T() : JsonSerializer.Deserialize<T>(body, Options) ?? new T();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.Converters.Add(new NullableEpochSecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
