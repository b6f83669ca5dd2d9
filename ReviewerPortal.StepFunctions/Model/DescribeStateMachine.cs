namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>DescribeStateMachine</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class DescribeStateMachineRequest
{
    public string? StateMachineArn { get; set; }
}

/// <summary>Response of the <c>DescribeStateMachine</c> operation.</summary>
public sealed class DescribeStateMachineResponse
{
    public string? StateMachineArn { get; set; }
    public string? Name { get; set; }
    public StateMachineStatus? Status { get; set; }
    public string? Definition { get; set; }
    public string? RoleArn { get; set; }
    public StateMachineType? Type { get; set; }
    public DateTime CreationDate { get; set; }
    public string? Description { get; set; }
}
