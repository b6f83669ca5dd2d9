namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>DescribeMapRun</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class DescribeMapRunRequest
{
    public string? MapRunArn { get; set; }
}

/// <summary>Response of the <c>DescribeMapRun</c> operation.</summary>
public sealed class DescribeMapRunResponse
{
    public string? MapRunArn { get; set; }
    public string? ExecutionArn { get; set; }
    public string? Status { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime? StopDate { get; set; }
    public int? MaxConcurrency { get; set; }
    public float? ToleratedFailurePercentage { get; set; }
    public long? ToleratedFailureCount { get; set; }
    public MapRunItemCounts? ItemCounts { get; set; }
    public MapRunExecutionCounts? ExecutionCounts { get; set; }
    public int? RedriveCount { get; set; }
    public DateTime? RedriveDate { get; set; }
}
