using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.StepFunctions;
using ReviewerPortal.Workflow.StepFunctions.Model;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Operations;

/// <summary>One execution as the Operations page lists it.</summary>
public sealed record ExecutionSummary(string ExecutionArn, string Name, string StateMachine, string Status, DateTime StartDate, DateTime? StopDate);

/// <summary>
/// The Operations page's view of the workflows: executions of the bundled state machines with their status, one
/// execution's history as a timeline, the publication events (Local mode), and starting a demo case (Local mode).
/// Works on any Step Functions API: the local engine, or AWS.
/// </summary>
public sealed class WorkflowMonitor(IAmazonStepFunctions stepFunctions, IServiceProvider services)
{
    private readonly LocalWorkflows? _local = services.GetService<LocalWorkflows>();
    private readonly PublicationEventLog? _events = services.GetService<PublicationEventLog>();

    /// <summary>True in Local mode, where demo cases can be started and the local event bus read.</summary>
    public bool IsLocal => _local is not null;

    public async Task<IReadOnlyList<ExecutionSummary>> ListExecutionsAsync(int limit, CancellationToken cancellationToken = default)
    {
        var machines = await stepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest(), cancellationToken).ConfigureAwait(false);
        var bundled = machines.StateMachines.Where(m => BundledTemplates.All.Any(t => t.Name == m.Name));
        var executions = new List<ExecutionSummary>();
        foreach (var machine in bundled)
        {
            var page = await stepFunctions.ListExecutionsAsync(
                new ListExecutionsRequest { StateMachineArn = machine.StateMachineArn, MaxResults = limit }, cancellationToken).ConfigureAwait(false);
            executions.AddRange(page.Executions.Select(e => new ExecutionSummary(
                e.ExecutionArn!, e.Name!, machine.Name!, e.Status?.Value ?? "UNKNOWN", e.StartDate, e.StopDate)));
        }

        return [.. executions.OrderByDescending(e => e.StartDate).Take(limit)];
    }

    public async Task<DescribeExecutionResponse> DescribeAsync(string executionArn, CancellationToken cancellationToken = default) =>
        await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var events = new List<HistoryEvent>();
        string? next = null;
        do
        {
            var page = await stepFunctions.GetExecutionHistoryAsync(
                new GetExecutionHistoryRequest { ExecutionArn = executionArn, MaxResults = 1000, NextToken = next, IncludeExecutionData = false },
                cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Events);
            next = page.NextToken;
        }
        while (next is not null);
        return TimelineEntry.From(events);
    }

    public IReadOnlyList<PublishedEvent> RecentPublicationEvents(int limit) => _events?.Recent(limit) ?? [];

    /// <summary>Starts a new demo case (Local mode) and returns its execution ARN.</summary>
    public async Task<string> StartDemoCaseAsync(string urgency, CancellationToken cancellationToken = default)
    {
        var local = _local ?? throw new InvalidOperationException("Demo cases exist only in Local mode.");
        var starter = services.GetRequiredService<DemoCaseStarter>();
        return await starter.StartNewAsync(await local.StudyReviewArnAsync().ConfigureAwait(false), urgency, cancellationToken).ConfigureAwait(false);
    }
}
