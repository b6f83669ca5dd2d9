namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>SendTaskSuccess</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class SendTaskSuccessRequest
{
    public string? TaskToken { get; set; }
    public string? Output { get; set; }
}

/// <summary>Response of the <c>SendTaskSuccess</c> operation.</summary>
public sealed class SendTaskSuccessResponse
{
}
