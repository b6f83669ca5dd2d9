using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Resources;

/// <summary>A named .NET function that Lambda tasks (<c>arn:aws:states:::lambda:invoke</c>, function ARNs) call in Local mode.</summary>
public sealed record LocalFunction(string Name, Func<JsonNode?, CancellationToken, Task<JsonNode?>> InvokeAsync);

/// <summary>
/// Runs Lambda tasks on registered <see cref="LocalFunction"/>s: <c>lambda:invoke</c> returns the service's envelope
/// (<c>Payload</c>, <c>StatusCode</c>, …), a function ARN as resource returns the payload itself.
/// </summary>
internal sealed class LocalFunctionsHandler(IEnumerable<LocalFunction> functions) : ILocalResourceHandler
{
    public const string InvokeResource = "arn:aws:states:::lambda:invoke";
    private readonly Dictionary<string, LocalFunction> functions = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public bool CanHandle(string resource) =>
        resource == InvokeResource || resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        var envelope = invocation.Resource == InvokeResource;
        var name = envelope ? invocation.Parameters?["FunctionName"]?.GetValue<string>() : invocation.Resource;
        var payload = envelope ? invocation.Parameters?["Payload"] : invocation.Parameters;
        var function = FindFunction(name);
        JsonNode? result;
        try
        {
            result = await function.InvokeAsync(payload?.DeepClone(), cancellationToken);
        }
        catch (Exception e) when (e is not ResourceFailedException and not OperationCanceledException)
        {
            // As a Lambda function error surfaces in Step Functions: the error type as error name, a JSON cause.
            var cause = new JsonObject { ["errorMessage"] = e.Message, ["errorType"] = e.GetType().Name }.ToJsonString();
            throw new ResourceFailedException(e.GetType().Name, cause);
        }

        return envelope
            ? new JsonObject { ["ExecutedVersion"] = "$LATEST", ["Payload"] = result, ["StatusCode"] = 200 }
            : result;
    }

    private LocalFunction FindFunction(string? name)
    {
        // FunctionName may be a name, a name with alias/version, or a full function ARN.
        var key = name ?? string.Empty;
        var arnIndex = key.IndexOf(":function:", StringComparison.Ordinal);
        if (arnIndex >= 0)
        {
            key = key[(arnIndex + ":function:".Length)..];
        }

        key = key.Split(':')[0];
        return functions.GetValueOrDefault(key)
            ?? throw new ResourceFailedException("Lambda.ResourceNotFoundException", $"Function not found: {name} (no local function of that name is registered).");
    }
}
