namespace ReviewerPortal.Workflow;

/// <summary>One event a workflow put on the event bus (the local one in Local mode): a report published, an SLA breached.</summary>
/// <param name="Detail">The event detail as JSON text (case and task ids, report location; no report text).</param>
public sealed record PublishedEvent(string EventId, DateTimeOffset At, string EventBusName, string Source, string DetailType, string Detail);
