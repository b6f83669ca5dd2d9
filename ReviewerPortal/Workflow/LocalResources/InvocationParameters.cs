using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>Reads a Task state's effective parameters; a missing or mistyped one fails as the AWS service would (ValidationException).</summary>
internal static class InvocationParameters
{
    public static string RequiredString(this ResourceInvocation invocation, string service, string name) =>
        invocation.Parameters?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new ResourceFailedException($"{service}.ValidationException", $"The parameter {name} is required and must be a non-empty string.");

    public static JsonObject RequiredObject(this ResourceInvocation invocation, string service, string name) =>
        invocation.Parameters?[name] as JsonObject
            ?? throw new ResourceFailedException($"{service}.ValidationException", $"The parameter {name} is required and must be an object.");

    public static string? OptionalString(this ResourceInvocation invocation, string name) =>
        invocation.Parameters?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
