namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>SendTaskFailure</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class SendTaskFailureRequest
{
    public string? TaskToken { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
}

/// <summary>Response of the <c>SendTaskFailure</c> operation.</summary>
public sealed class SendTaskFailureResponse
{
}
