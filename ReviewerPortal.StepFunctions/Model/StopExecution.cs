namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>StopExecution</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class StopExecutionRequest
{
    public string? ExecutionArn { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

/// <summary>Response of the <c>StopExecution</c> operation.</summary>
public sealed class StopExecutionResponse
{
    public DateTime StopDate { get; set; }
}
