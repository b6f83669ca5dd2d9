namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>RedriveExecution</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class RedriveExecutionRequest
{
    public string? ExecutionArn { get; set; }
    public string? ClientToken { get; set; }
}

/// <summary>Response of the <c>RedriveExecution</c> operation.</summary>
public sealed class RedriveExecutionResponse
{
    public DateTime RedriveDate { get; set; }
}
