namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>ListExecutions</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class ListExecutionsRequest
{
    public string? StateMachineArn { get; set; }
    public ExecutionStatus? StatusFilter { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
    public string? MapRunArn { get; set; }
    public string? RedriveFilter { get; set; }
}

/// <summary>Response of the <c>ListExecutions</c> operation.</summary>
public sealed class ListExecutionsResponse
{
    public List<ExecutionListItem> Executions { get; set; } = [];
    public string? NextToken { get; set; }
}
