using ReviewerPortal.Engine.MapRuns;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Api;

/// <summary>This part: Map Runs of Distributed Map states (ListMapRuns, DescribeMapRun, UpdateMapRun, ListExecutions by Map Run).</summary>
internal sealed partial class LocalStepFunctions
{
    public async Task<ListMapRunsResponse> ListMapRunsAsync(ListMapRunsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("executionArn", request.ExecutionArn).MaxResults(request.MaxResults).ThrowIfAny();
        var execution = await FindExecutionAsync(request.ExecutionArn);
        var runs = await Store.MapRuns.ListMapRunsAsync(execution.Arn);
        var (page, next) = Paging.Page(runs, request.MaxResults, request.NextToken);
        return new ListMapRunsResponse
        {
            MapRuns = [.. page.Select(r => new MapRunListItem
            {
                ExecutionArn = r.ExecutionArn, MapRunArn = r.Arn, StateMachineArn = r.ChildStateMachineArn, StartDate = r.StartDate, StopDate = r.StopDate,
            })],
            NextToken = next,
        };
    }

    public async Task<DescribeMapRunResponse> DescribeMapRunAsync(DescribeMapRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("mapRunArn", request.MapRunArn).ThrowIfAny();
        CheckArn(request.MapRunArn, "mapRun");
        var (record, items, executions) = await engine.DistributedMaps.DescribeAsync(request.MapRunArn!)
            ?? throw new ResourceNotFoundException($"Resource not found: '{request.MapRunArn}'");
        return new DescribeMapRunResponse
        {
            MapRunArn = record.Arn,
            ExecutionArn = record.ExecutionArn,
            Status = record.Status,
            StartDate = record.StartDate,
            StopDate = record.StopDate,
            MaxConcurrency = record.MaxConcurrency,
            ToleratedFailureCount = record.ToleratedFailureCount ?? 0,
            ToleratedFailurePercentage = record.ToleratedFailurePercentage ?? 0,
            ItemCounts = WithResultsWritten(items, record.ResultsWritten),
            ExecutionCounts = WithResultsWritten(executions, record.ResultsWritten == 0 ? 0 : executions.ResultsWritten),
            RedriveCount = record.RedriveCount,
            RedriveDate = record.RedriveDate,
        };
    }

    public Task<UpdateMapRunResponse> UpdateMapRunAsync(UpdateMapRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("mapRunArn", request.MapRunArn).ThrowIfAny();
        CheckArn(request.MapRunArn, "mapRun");
        if (request.MaxConcurrency is < 0 or > 10_000 || request.ToleratedFailureCount is < 0 || request.ToleratedFailurePercentage is < 0 or > 100)
        {
            throw new ValidationException("maxConcurrency must be 0–10000, toleratedFailureCount at least 0, toleratedFailurePercentage 0–100.");
        }

        if (request.MaxConcurrency is null && request.ToleratedFailureCount is null && request.ToleratedFailurePercentage is null)
        {
            throw new ValidationException("At least one of maxConcurrency, toleratedFailureCount and toleratedFailurePercentage must be given.");
        }

        // Only a running Map Run can be changed; an ended or unknown one is not found.
        _ = engine.DistributedMaps.Update(request.MapRunArn!, request.MaxConcurrency, request.ToleratedFailureCount, request.ToleratedFailurePercentage)
            ?? throw new ResourceNotFoundException($"Resource not found: '{request.MapRunArn}' (or the Map Run is not running)");
        return Task.FromResult(new UpdateMapRunResponse());
    }

    /// <summary>ListExecutions with a mapRunArn: the Map Run's child executions, newest first as the service lists them.</summary>
    private async Task<ListExecutionsResponse> ListMapRunExecutionsAsync(ListExecutionsRequest request)
    {
        if (request.StateMachineArn is not null)
        {
            throw new ValidationException("Specify either a mapRunArn or a stateMachineArn, not both.");
        }

        CheckArn(request.MapRunArn, "mapRun");
        if (await Store.MapRuns.GetMapRunAsync(request.MapRunArn!) is not { } mapRun)
        {
            throw new ResourceNotFoundException($"Resource not found: '{request.MapRunArn}'");
        }

        var children = new List<MapRunChild>();
        for (var page = await Store.MapRuns.ListChildrenAsync(mapRun.Arn, request.StatusFilter?.Value); page.Count > 0;
             page = await Store.MapRuns.ListChildrenAsync(mapRun.Arn, request.StatusFilter?.Value, page[^1].Index))
        {
            children.AddRange(page.Select(c => c with { Input = string.Empty, Output = null }));
        }

        children.Reverse();
        var (listed, next) = Paging.Page(children, request.MaxResults, request.NextToken);
        return new ListExecutionsResponse
        {
            Executions = [.. listed.Select(c => new ExecutionListItem
            {
                ExecutionArn = c.ExecutionArn, StateMachineArn = mapRun.ChildStateMachineArn, Name = c.Name, Status = new ExecutionStatus(c.Status),
                StartDate = c.StartDate, StopDate = c.StopDate, MapRunArn = mapRun.Arn, ItemCount = c.ItemCount,
            })],
            NextToken = next,
        };
    }

    private static T WithResultsWritten<T>(T counts, long written)
        where T : MapRunItemCounts
    {
        counts.ResultsWritten = written;
        return counts;
    }
}
