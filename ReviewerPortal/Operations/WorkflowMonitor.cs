using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Operations;

/// <summary>One execution as the Operations page lists it.</summary>
public sealed record ExecutionSummary(string ExecutionArn, string Name, string StateMachine, string Status, DateTime StartDate, DateTime? StopDate);

/// <summary>Which executions the Operations page asks for: one state machine, optionally one status, one page.</summary>
public sealed record ExecutionQuery(string StateMachine, string? Status, int PageSize, string? NextToken);

/// <summary>A page of executions and the token of the next page (null on the last).</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionSummary> Items, string? NextToken);

/// <summary>
/// The Operations page's view of the workflows: executions of the bundled state machines with their status, and one
/// execution's history as a timeline. Works on any Step Functions API: the local engine, or AWS.
/// </summary>
public sealed class WorkflowMonitor(IAmazonStepFunctions stepFunctions)
{
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
}
