using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>EventBridge <c>putEvents</c> (optimised integration) onto the local <see cref="PublicationEventLog"/>.</summary>
public sealed class EventBusHandler(PublicationEventLog log, LocalFaultPlan faults, TimeProvider clock) : ILocalResourceHandler
{
    private const string Service = "EventBridge";

    public bool CanHandle(string resource) => resource == ResourceArns.EventsPutEvents;

    public Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Parameters?["Entries"] is not JsonArray { Count: > 0 and <= 10 } entries)
        {
            throw new ResourceFailedException($"{Service}.ValidationException", "Entries must hold between 1 and 10 events.");
        }

        if (faults.TryConsume(LocalFault.PublicationEventRejected))
        {
            throw new ResourceFailedException($"{Service}.InternalException", "The event bus could not accept the events.");
        }

        var now = clock.GetUtcNow();
        var accepted = entries.Select(entry => ToEvent(entry as JsonObject, now)).ToList();
        log.Append(accepted);
        JsonNode result = new JsonObject
        {
            ["Entries"] = new JsonArray(accepted.Select(e => (JsonNode)new JsonObject { ["EventId"] = e.EventId }).ToArray()),
            ["FailedEntryCount"] = 0,
        };
        return ServiceResponse.Completed(result);
    }

    private static PublishedEvent ToEvent(JsonObject? entry, DateTimeOffset now)
    {
        string Required(string name) =>
            entry?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
                ? s
                : throw new ResourceFailedException($"{Service}.ValidationException", $"Every entry needs {name}.");

        var detail = entry?["Detail"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o => o.ToJsonString(),
            _ => throw new ResourceFailedException($"{Service}.ValidationException", "Every entry needs Detail."),
        };
        var bus = entry?["EventBusName"] is JsonValue b && b.TryGetValue<string>(out var name) ? name : "default";
        return new PublishedEvent(Guid.NewGuid().ToString(), now, bus, Required("Source"), Required("DetailType"), detail);
    }
}
