namespace ReviewerPortal.Demo;

/// <summary>
/// Aws mode: studies reach the queues from the hospital's own workflows, so the portal offers no demo cases. The
/// buttons do not show, and a start that arrives anyway starts nothing and says why.
/// </summary>
public sealed class NoDemoCases : IDemoCases
{
    public const string Unavailable = "Demo cases exist only in Local mode: here, studies reach the queues from the hospital's workflows.";

    public bool Available => false;

    public Task<DemoStarted> StartCaseAsync(string urgency, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DemoStarted(null, Unavailable));

    public Task<DemoStarted> StartDraftBackfillAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new DemoStarted(null, Unavailable));
}
