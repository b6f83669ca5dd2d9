using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Operations;

/// <summary>One execution as the Operations page lists it.</summary>
public sealed record ExecutionSummary(string ExecutionArn, string Name, string StateMachine, string Status, DateTime StartDate, DateTime? StopDate);

/// <summary>Which executions the Operations page asks for: one state machine, optionally one status, one page.</summary>
public sealed record ExecutionQuery(string StateMachine, string? Status, int PageSize, string? NextToken);

/// <summary>A page of executions and the token of the next page (null on the last).</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionSummary> Items, string? NextToken);

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

    /// <summary>The bundled state machines deployed on this Step Functions endpoint, by name.</summary>
    public async Task<IReadOnlyList<string>> StateMachinesAsync(CancellationToken cancellationToken = default) =>
        [.. (await BundledMachinesAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Name!).Order(StringComparer.Ordinal)];

    /// <summary>
    /// One page of one state machine's executions, newest first as Step Functions lists them, optionally of one status;
    /// the store pages (ListExecutions' NextToken), so a long history is never read whole.
    /// </summary>
    public async Task<ExecutionPage> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var machine = (await BundledMachinesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Name == query.StateMachine);
        if (machine is null)
        {
            return new ExecutionPage([], null);
        }

        var page = await stepFunctions.ListExecutionsAsync(
            new ListExecutionsRequest
            {
                StateMachineArn = machine.StateMachineArn,
                StatusFilter = query.Status is null ? null : ExecutionStatus.FindValue(query.Status),
                MaxResults = query.PageSize,
                NextToken = query.NextToken,
            },
            cancellationToken).ConfigureAwait(false);
        return new ExecutionPage(
            [.. page.Executions.Select(e => new ExecutionSummary(e.ExecutionArn!, e.Name!, machine.Name!, e.Status?.Value ?? "UNKNOWN", e.StartDate, e.StopDate))],
            page.NextToken);
    }

    private async Task<IEnumerable<StateMachineListItem>> BundledMachinesAsync(CancellationToken cancellationToken)
    {
        var machines = await stepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest(), cancellationToken).ConfigureAwait(false);
        return machines.StateMachines.Where(m => BundledTemplates.All.Any(t => t.Name == m.Name));
    }

    public async Task<DescribeExecutionResponse> DescribeAsync(string executionArn, CancellationToken cancellationToken = default) =>
        await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string executionArn, CancellationToken cancellationToken = default) =>
        TimelineEntry.From(await HistoryAsync(executionArn, includeData: false, cancellationToken).ConfigureAwait(false));

    /// <summary>One history event with its data (input, output, parameters), as indented JSON; null when there is none with that id.</summary>
    public async Task<string?> EventJsonAsync(string executionArn, long eventId, CancellationToken cancellationToken = default)
    {
        var events = await HistoryAsync(executionArn, includeData: true, cancellationToken).ConfigureAwait(false);
        return events.FirstOrDefault(e => e.Id == eventId) is { } found ? HistoryEventJson.Format(found) : null;
    }

    private async Task<List<HistoryEvent>> HistoryAsync(string executionArn, bool includeData, CancellationToken cancellationToken)
    {
        var events = new List<HistoryEvent>();
        string? next = null;
        do
        {
            var page = await stepFunctions.GetExecutionHistoryAsync(
                new GetExecutionHistoryRequest { ExecutionArn = executionArn, MaxResults = 1000, NextToken = next, IncludeExecutionData = includeData },
                cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Events);
            next = page.NextToken;
        }
        while (next is not null);
        return events;
    }

    public IReadOnlyList<PublishedEvent> RecentPublicationEvents(int limit) => _events?.Recent(limit) ?? [];

    /// <summary>Starts a new demo case (Local mode) and returns its execution ARN.</summary>
    public async Task<string> StartDemoCaseAsync(string urgency, CancellationToken cancellationToken = default)
    {
        var local = _local ?? throw new InvalidOperationException("Demo cases exist only in Local mode.");
        var starter = services.GetRequiredService<DemoCaseStarter>();
        return await starter.StartNewAsync(await local.StudyReviewArnAsync().ConfigureAwait(false), urgency, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Local mode: writes a manifest of the demo studies and starts the draft backfill on it; returns its execution ARN.</summary>
    public async Task<string> StartDraftBackfillAsync(CancellationToken cancellationToken = default)
    {
        var local = _local ?? throw new InvalidOperationException("The demo backfill exists only in Local mode.");
        var starter = services.GetRequiredService<DraftBackfillStarter>();
        return await starter.StartAsync(await local.ArnOfAsync(BundledTemplates.DraftBackfill).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}
