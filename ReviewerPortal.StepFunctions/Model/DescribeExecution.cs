namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>DescribeExecution</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class DescribeExecutionRequest
{
    public string? ExecutionArn { get; set; }
    public string? IncludedData { get; set; }
}

/// <summary>Response of the <c>DescribeExecution</c> operation.</summary>
public sealed class DescribeExecutionResponse
{
    public string? ExecutionArn { get; set; }
    public string? StateMachineArn { get; set; }
    public string? Name { get; set; }
    public ExecutionStatus? Status { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime? StopDate { get; set; }
    public string? Input { get; set; }
    public string? Output { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
    public string? MapRunArn { get; set; }
    public int? RedriveCount { get; set; }
    public DateTime? RedriveDate { get; set; }
    public string? RedriveStatus { get; set; }
    public string? RedriveStatusReason { get; set; }
}
