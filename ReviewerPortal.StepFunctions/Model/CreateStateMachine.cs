namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>CreateStateMachine</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class CreateStateMachineRequest
{
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public string? RoleArn { get; set; }
    public StateMachineType? Type { get; set; }
    public bool? Publish { get; set; }
    public List<Tag> Tags { get; set; } = [];
}

/// <summary>Response of the <c>CreateStateMachine</c> operation.</summary>
public sealed class CreateStateMachineResponse
{
    public string? StateMachineArn { get; set; }
    public DateTime CreationDate { get; set; }
    public string? StateMachineVersionArn { get; set; }
}
