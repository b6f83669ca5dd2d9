namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>GetExecutionHistory</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class GetExecutionHistoryRequest
{
    public string? ExecutionArn { get; set; }
    public int? MaxResults { get; set; }
    public bool? ReverseOrder { get; set; }
    public string? NextToken { get; set; }
    public bool? IncludeExecutionData { get; set; }
}

/// <summary>Response of the <c>GetExecutionHistory</c> operation.</summary>
public sealed class GetExecutionHistoryResponse
{
    public List<HistoryEvent> Events { get; set; } = [];
    public string? NextToken { get; set; }
}
