namespace ReviewerPortal.Workflow;

/// <summary>The events the bundled workflows put on their event bus, as far as the portal can read them back (the Operations page lists them).</summary>
public interface IPublishedEvents
{
    /// <summary>False where the portal cannot read the bus; the Operations page then leaves the section out.</summary>
    bool Readable { get; }

    /// <summary>Most recent first.</summary>
    IReadOnlyList<PublishedEvent> Recent(int limit);
}
