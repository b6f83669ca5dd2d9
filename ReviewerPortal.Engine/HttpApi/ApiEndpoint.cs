using Microsoft.AspNetCore.Http;
using System.Text.Json;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.HttpApi;

/// <summary>
/// Serves the AWS JSON 1.0 protocol of Step Functions (<c>POST /</c>, <c>X-Amz-Target: AWSStepFunctions.&lt;Op&gt;</c>) on
/// any <see cref="IAmazonStepFunctions"/>; errors are answered as AWS does, <c>{"__type","message"}</c> with status 400.
/// Requests over the service's 1 MB request quota are answered 413.
/// </summary>
/// <param name="signatures">Checks each request's SigV4 signature when the API has credentials; null accepts any caller (loopback only).</param>
public sealed partial class ApiEndpoint(IAmazonStepFunctions api, ILogger<ApiEndpoint> logger, SignatureVerifier? signatures = null)
{
    /// <summary>"Maximum request size: 1 MB per request" (a hard Step Functions quota), headers aside.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/")
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "UnknownOperationException", "The Step Functions API answers POST / only.");
            return;
        }

        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith(StepFunctionsJson.TargetPrefix, StringComparison.Ordinal)
            || !StepFunctionsOperations.TryFind(target[StepFunctionsJson.TargetPrefix.Length..], out var operation))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "UnknownOperationException", $"Unknown operation '{target}'.");
            return;
        }

        if (context.Request.ContentLength > MaxRequestBytes)
        {
            await WriteTooLargeAsync(context);
            return;
        }

        try
        {
            if (await ReadBodyAsync(context) is not { } body)
            {
                await WriteTooLargeAsync(context);
                return;
            }

            if (signatures?.Verify(context.Request, body) is { } refused)
            {
                var status = refused.Code == "MissingAuthenticationTokenException" ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
                await WriteErrorAsync(context, status, refused.Code, refused.Message);
                return;
            }

            var answer = await operation(api, body, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = StepFunctionsJson.ContentType;
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        }
        catch (AmazonStepFunctionsException e)
        {
            var status = (int)e.StatusCode is >= 400 and < 600 ? (int)e.StatusCode : StatusCodes.Status400BadRequest;
            await WriteErrorAsync(context, status, e.ErrorCode ?? "ValidationException", e.Message);
        }
        catch (JsonException e)
        {
            // The serializer's own message names .NET types; the JSON path of the offending value says enough.
            var where = string.IsNullOrEmpty(e.Path) ? string.Empty : $" (at {e.Path})";
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "SerializationException", $"The request body is not valid JSON of the operation's shape{where}.");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
#pragma warning disable CA1031 // The API must answer every failure in the protocol's own error format.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogInternalFailure(logger, e, target);
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "InternalFailure", "The local Step Functions engine failed; see the portal's log.");
        }
    }

    /// <summary>The request body, or null when it is larger than the request quota (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxRequestBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Answers 413. The rest of the body is read and dropped first (up to 64 MiB), so that a client still sending it
    /// gets the answer instead of a broken connection; past that the connection is closed.
    /// </summary>
    private static async Task WriteTooLargeAsync(HttpContext context)
    {
        var chunk = new byte[81920];
        long drained = 0;
        int read;
        try
        {
            while (drained < 64L * 1024 * 1024 && (read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                drained += read;
            }
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's own body limit (about 30 MB) ended the read; the answer below is still the right one.
        }

        await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLargeException", $"The request is larger than the {MaxRequestBytes}-byte request quota.");
    }

    /// <summary>
    /// Writes <c>{"__type","message"}</c>; <c>__type</c> carries the namespace AWS puts before the code (clients strip
    /// everything up to <c>#</c>): service errors in <c>com.amazonaws.swf.service.v2.model</c>, protocol errors in Coral's.
    /// </summary>
    private static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        var type = code switch
        {
            "ValidationException" => "com.amazon.coral.validate#" + code,
            "UnknownOperationException" or "SerializationException" or "InternalFailure" or "MissingAuthenticationTokenException"
                or "IncompleteSignatureException" or "InvalidSignatureException" or "UnrecognizedClientException" => "com.amazon.coral.service#" + code,
            _ => "com.amazonaws.swf.service.v2.model#" + code,
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = StepFunctionsJson.ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorBody(type, message), StepFunctionsJson.Options, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The local Step Functions API failed on {Target}")]
    private static partial void LogInternalFailure(ILogger logger, Exception exception, string target);

    private sealed record ErrorBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("__type")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
}
