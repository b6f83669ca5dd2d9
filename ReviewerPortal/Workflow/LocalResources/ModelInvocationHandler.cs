using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// Bedrock <c>invokeModel</c> with an Anthropic messages body, answered by the deterministic <see cref="DraftGenerator"/>
/// in the shape Bedrock returns (<c>Body.content[0].text</c>, <c>stop_reason</c>, <c>usage</c>).
/// </summary>
public sealed class ModelInvocationHandler(LocalFaultPlan faults) : ILocalResourceHandler
{
    private const string Service = "Bedrock";

    public bool CanHandle(string resource) => resource == ResourceArns.BedrockInvokeModel;

    public Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var modelId = invocation.RequiredString(Service, "ModelId");
        var body = invocation.Parameters?["Body"] switch
        {
            JsonObject o => o,
            JsonValue v when v.TryGetValue<string>(out var s) => JsonNode.Parse(s) as JsonObject,
            _ => null,
        } ?? throw new ResourceFailedException($"{Service}.ValidationException", "Body must be a JSON object.");
        var prompt = PromptOf(body)
            ?? throw new ResourceFailedException($"{Service}.ValidationException", "Body.messages must hold a user message with text content.");

        if (faults.TryConsume(LocalFault.ModelThrottled))
        {
            throw new ResourceFailedException($"{Service}.ThrottlingException", "Too many requests, please wait before trying again.");
        }

        var text = DraftGenerator.Generate(prompt, omitImpression: faults.TryConsume(LocalFault.IncompleteDraft));
        JsonNode result = new JsonObject
        {
            ["Body"] = new JsonObject
            {
                ["id"] = "msg_local_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(prompt)))[..24],
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = modelId,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
                ["stop_reason"] = "end_turn",
                ["usage"] = new JsonObject { ["input_tokens"] = prompt.Length / 4, ["output_tokens"] = text.Length / 4 },
            },
            ["ContentType"] = "application/json",
        };
        return ServiceResponse.Completed(result);
    }

    // The user message's content is a string or a list of content blocks; the text blocks are joined.
    private static string? PromptOf(JsonObject body)
    {
        var content = (body["messages"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(m => m["role"]?.GetValue<string>() == "user")?["content"];
        return content switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonArray blocks => string.Concat(blocks.OfType<JsonObject>().Select(b => b["text"]?.GetValue<string>())),
            _ => null,
        };
    }
}
