namespace ReviewerPortal.Demo;

/// <summary>
/// Starting demo cases and the demo draft backfill from the queue and Operations pages. The mode's composition picks
/// the implementation: Local mode starts real executions on the local engine; Aws mode has none to offer.
/// </summary>
public interface IDemoCases
{
    /// <summary>Whether demo cases can be started here; the demo buttons show only when they can.</summary>
    bool Available { get; }

    /// <summary>Starts a new demo case of the given urgency (<c>urgent</c> or <c>routine</c>).</summary>
    Task<DemoStarted> StartCaseAsync(string urgency, CancellationToken cancellationToken = default);

    /// <summary>Writes a manifest of the demo studies and starts the draft backfill on it.</summary>
    Task<DemoStarted> StartDraftBackfillAsync(CancellationToken cancellationToken = default);
}
