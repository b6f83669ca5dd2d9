namespace ReviewerPortal.Workflow;

/// <summary>
/// Aws mode: the workflows put their events on Amazon EventBridge, whose rules deliver them to the hospital's targets;
/// the portal is not one of them, so it has no events to show.
/// </summary>
public sealed class EventBridgeEvents : IPublishedEvents
{
    public bool Readable => false;

    public IReadOnlyList<PublishedEvent> Recent(int limit) => [];
}
