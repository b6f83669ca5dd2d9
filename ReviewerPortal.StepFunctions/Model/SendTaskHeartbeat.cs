namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>SendTaskHeartbeat</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class SendTaskHeartbeatRequest
{
    public string? TaskToken { get; set; }
}

/// <summary>Response of the <c>SendTaskHeartbeat</c> operation.</summary>
public sealed class SendTaskHeartbeatResponse
{
}
