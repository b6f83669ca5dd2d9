namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>ListMapRuns</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class ListMapRunsRequest
{
    public string? ExecutionArn { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
}

/// <summary>Response of the <c>ListMapRuns</c> operation.</summary>
public sealed class ListMapRunsResponse
{
    public List<MapRunListItem> MapRuns { get; set; } = [];
    public string? NextToken { get; set; }
}
