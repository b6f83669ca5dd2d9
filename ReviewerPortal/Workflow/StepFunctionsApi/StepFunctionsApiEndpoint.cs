using System.Text.Json;
using ReviewerPortal.Workflow.StepFunctions;
using ReviewerPortal.Workflow.StepFunctions.Model;

namespace ReviewerPortal.Workflow.StepFunctionsApi;

/// <summary>
/// Serves the AWS JSON 1.0 protocol of Step Functions (<c>POST /</c>, <c>X-Amz-Target: AWSStepFunctions.&lt;Op&gt;</c>) on
/// any <see cref="IAmazonStepFunctions"/>; errors are answered as AWS does, <c>{"__type","message"}</c> with status 400.
/// SigV4 headers are accepted without checking signatures: this API is for loopback use only.
/// </summary>
public sealed partial class StepFunctionsApiEndpoint(IAmazonStepFunctions api, ILogger<StepFunctionsApiEndpoint> logger)
{
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

        try
        {
            var body = await ReadBodyAsync(context);
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
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "SerializationException", "The request body is not valid JSON of the operation's shape: " + e.Message);
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

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
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
            "UnknownOperationException" or "SerializationException" or "InternalFailure" => "com.amazon.coral.service#" + code,
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
