using System.Text.Json.Nodes;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// A handler's answer as the service's JSON would arrive: serialised and parsed once, so every number and string is a
/// plain JSON value (the engine compares JSON values, not the CLR types a handler happened to build them from).
/// </summary>
internal static class ServiceResponse
{
    public static JsonNode? From(JsonNode response) => JsonNode.Parse(response.ToJsonString());

    public static Task<JsonNode?> Completed(JsonNode response) => Task.FromResult(From(response));
}
