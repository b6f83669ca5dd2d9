using System.Globalization;
using System.Text;
using System.Text.Json;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.StepFunctions;

/// <summary>
/// The limits Step Functions documents for callbacks, checked before anything is sent so that a bad request fails
/// with a plain message instead of a round trip: output ≤ 262,144 bytes of valid JSON, error ≤ 256 characters,
/// cause ≤ 32,768 characters, task token 1–2,048 characters.
/// </summary>
public static class CallbackRequestChecks
{
    public const int MaxOutputBytes = 262_144;
    public const int MaxErrorLength = 256;
    public const int MaxCauseLength = 32_768;
    public const int MaxTaskTokenLength = 2_048;

    public static void Check(SendTaskSuccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckToken(request.TaskToken);
        CheckOutput(request.Output);
    }

    public static void Check(SendTaskFailureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckToken(request.TaskToken);
        CheckErrorAndCause(request.Error, request.Cause);
    }

    public static void Check(SendTaskHeartbeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckToken(request.TaskToken);
    }

    public static void Check(StopExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckErrorAndCause(request.Error, request.Cause);
    }

    private static void CheckToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw Invalid("the task token is empty; Step Functions needs the token the workflow handed out.");
        }

        if (token.Length > MaxTaskTokenLength)
        {
            throw Invalid(
                $"the task token is {Count(token.Length)} characters long; Step Functions tokens are at most {Count(MaxTaskTokenLength)}.");
        }
    }

    private static void CheckOutput(string? output)
    {
        if (output is null)
        {
            throw Invalid("the output is missing; SendTaskSuccess needs a JSON document.");
        }

        var bytes = Encoding.UTF8.GetBytes(output);
        if (bytes.Length > MaxOutputBytes)
        {
            throw Invalid(
                $"the output is {Count(bytes.Length)} bytes; Step Functions accepts at most {Count(MaxOutputBytes)} bytes (256 KiB) of UTF-8 JSON.");
        }

        try
        {
            // Deeper than System.Text.Json's default of 64: a legitimate document must not be refused for its nesting.
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 512 });
            while (reader.Read())
            {
                // Reading to the end validates the whole document, including nothing but whitespace after it.
            }
        }
        catch (JsonException e)
        {
            throw InvalidJson($"the output is not valid JSON ({e.Message})");
        }
    }

    private static void CheckErrorAndCause(string? error, string? cause)
    {
        if (error is { Length: > MaxErrorLength })
        {
            throw Invalid(
                $"the error name is {Count(error.Length)} characters long; Step Functions accepts at most {Count(MaxErrorLength)}.");
        }

        if (cause is { Length: > MaxCauseLength })
        {
            throw Invalid(
                $"the cause is {Count(cause.Length)} characters long; Step Functions accepts at most {Count(MaxCauseLength)}.");
        }
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private const string NotSent = "Not sent to Step Functions: ";

    private static ValidationException Invalid(string reason) => new(NotSent + reason);

    private static InvalidOutputException InvalidJson(string reason) => new(NotSent + reason);
}
