using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Api;

/// <summary>RedriveExecution, and the redrive fields of DescribeExecution and ListExecutions.</summary>
internal sealed partial class LocalStepFunctions
{
    public async Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("executionArn", request.ExecutionArn).ThrowIfAny();
        if (request.ClientToken is { Length: 0 or > 64 })
        {
            throw new ValidationException("1 validation error detected: Value at 'clientToken' failed to satisfy constraint: Member must have length between 1 and 64");
        }

        var execution = await FindExecutionAsync(request.ExecutionArn);
        var redriven = await engine.RedriveAsync(execution.Arn, request.ClientToken);
        return new RedriveExecutionResponse { RedriveDate = redriven.RedriveDate!.Value };
    }

    /// <summary>
    /// redriveCount always; redriveDate once redriven; redriveStatus REDRIVABLE or NOT_REDRIVABLE with its reason.
    /// </summary>
    private async Task DescribeRedriveAsync(ExecutionRecord execution, DescribeExecutionResponse described)
    {
        described.RedriveCount = execution.RedriveCount;
        described.RedriveDate = execution.RedriveDate;
        var blocked = await engine.RedriveBlockedAsync(execution);
        described.RedriveStatus = blocked is null ? "REDRIVABLE" : "NOT_REDRIVABLE";
        described.RedriveStatusReason = blocked;
    }

    /// <summary>ListExecutions' redriveFilter: REDRIVEN (redriven at least once) or NOT_REDRIVEN.</summary>
    private static IReadOnlyList<ExecutionRecord> Redriven(IReadOnlyList<ExecutionRecord> executions, string? filter) => filter switch
    {
        null => executions,
        "REDRIVEN" => [.. executions.Where(e => e.RedriveCount > 0)],
        "NOT_REDRIVEN" => [.. executions.Where(e => e.RedriveCount == 0)],
        _ => throw new ValidationException($"1 validation error detected: Value '{filter}' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]"),
    };
}
