namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>UpdateStateMachine</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class UpdateStateMachineRequest
{
    public string? StateMachineArn { get; set; }
    public string? Definition { get; set; }
    public string? RoleArn { get; set; }
    public bool? Publish { get; set; }
}

/// <summary>Response of the <c>UpdateStateMachine</c> operation.</summary>
public sealed class UpdateStateMachineResponse
{
    public DateTime UpdateDate { get; set; }
    public string? RevisionId { get; set; }
    public string? StateMachineVersionArn { get; set; }
}
