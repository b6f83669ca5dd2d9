namespace ReviewerPortal.Demo;

/// <summary>What a demo button did: the execution it started, or (ARN null) why nothing started; the message says which.</summary>
public sealed record DemoStarted(string? ExecutionArn, string Message);
