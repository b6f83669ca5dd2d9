namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>DeleteStateMachine</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class DeleteStateMachineRequest
{
    public string? StateMachineArn { get; set; }
}

/// <summary>Response of the <c>DeleteStateMachine</c> operation.</summary>
public sealed class DeleteStateMachineResponse
{
}
