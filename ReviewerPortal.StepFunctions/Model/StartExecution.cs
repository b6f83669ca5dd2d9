namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>StartExecution</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class StartExecutionRequest
{
    public string? StateMachineArn { get; set; }
    public string? Name { get; set; }
    public string? Input { get; set; }
    public string? TraceHeader { get; set; }
}

/// <summary>Response of the <c>StartExecution</c> operation.</summary>
public sealed class StartExecutionResponse
{
    public string? ExecutionArn { get; set; }
    public DateTime StartDate { get; set; }
}
