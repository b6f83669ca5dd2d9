using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Operations.MapRuns;

/// <summary>
/// Reads an execution's Map Runs and their failed children through the Step Functions API only (ListMapRuns,
/// DescribeMapRun, ListExecutions by mapRunArn, DescribeExecution), so the local engine and AWS read the same.
/// </summary>
public sealed class MapRunReader(IAmazonStepFunctions stepFunctions)
{
    public const int FailurePageSize = 10;

    public async Task<IReadOnlyList<MapRunView>> MapRunsAsync(string executionArn, CancellationToken cancellationToken)
    {
        var runs = new List<MapRunView>();
        string? next = null;
        do
        {
            var page = await stepFunctions.ListMapRunsAsync(new ListMapRunsRequest { ExecutionArn = executionArn, NextToken = next }, cancellationToken).ConfigureAwait(false);
            foreach (var run in page.MapRuns)
            {
                var described = await stepFunctions.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = run.MapRunArn }, cancellationToken).ConfigureAwait(false);
                runs.Add(MapRunView.From(described));
            }

            next = page.NextToken;
        }
        while (next is not null);
        return runs;
    }

    /// <summary>One page of the Map Run's FAILED children; each is described for its error and cause.</summary>
    public async Task<MapRunFailurePage> FailuresAsync(string mapRunArn, string? nextToken, CancellationToken cancellationToken)
    {
        var page = await stepFunctions.ListExecutionsAsync(
            new ListExecutionsRequest { MapRunArn = mapRunArn, StatusFilter = ExecutionStatus.FAILED, MaxResults = FailurePageSize, NextToken = nextToken },
            cancellationToken).ConfigureAwait(false);
        var failures = new List<MapRunFailure>();
        foreach (var child in page.Executions)
        {
            failures.Add(await DescribeFailureAsync(child, cancellationToken).ConfigureAwait(false));
        }

        return new MapRunFailurePage(failures, page.NextToken);
    }

    private async Task<MapRunFailure> DescribeFailureAsync(ExecutionListItem child, CancellationToken cancellationToken)
    {
        try
        {
            var described = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = child.ExecutionArn }, cancellationToken).ConfigureAwait(false);
            return new MapRunFailure(child.ExecutionArn!, child.Name!, described.Error, described.Cause);
        }
        catch (ExecutionDoesNotExistException)
        {
            // AWS keeps no describable record of some children (Express ones); the row still names the item.
            return new MapRunFailure(child.ExecutionArn!, child.Name!, null, null);
        }
    }
}
