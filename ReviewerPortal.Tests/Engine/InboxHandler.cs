using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Tests.Engine;

/// <summary>
/// A small real handler for tests: it serves one resource by keeping each call (parameters and task token) in an
/// inbox, like a queue table the portal would read, and answers with a fixed response.
/// </summary>
public sealed class InboxHandler(string served, Func<JsonNode?, JsonNode?>? respond = null) : ILocalResourceHandler
{
    public ConcurrentQueue<ResourceInvocation> Calls { get; } = new();

    public bool CanHandle(string resource) => resource == served;

    public Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        Calls.Enqueue(invocation);
        return Task.FromResult(respond is null ? new JsonObject { ["ok"] = true } : respond(invocation.Parameters));
    }
}
