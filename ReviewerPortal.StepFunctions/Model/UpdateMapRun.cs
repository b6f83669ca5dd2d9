namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>UpdateMapRun</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class UpdateMapRunRequest
{
    public string? MapRunArn { get; set; }
    public int? MaxConcurrency { get; set; }
    public float? ToleratedFailurePercentage { get; set; }
    public long? ToleratedFailureCount { get; set; }
}

/// <summary>Response of the <c>UpdateMapRun</c> operation (empty).</summary>
public sealed class UpdateMapRunResponse;
