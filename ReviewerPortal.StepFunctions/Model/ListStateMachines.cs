namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>ListStateMachines</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class ListStateMachinesRequest
{
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
}

/// <summary>Response of the <c>ListStateMachines</c> operation.</summary>
public sealed class ListStateMachinesResponse
{
    public List<StateMachineListItem> StateMachines { get; set; } = [];
    public string? NextToken { get; set; }
}
