namespace ReviewerPortal.Demo;

/// <summary>What a demo-case button did: the execution it started, or why it was refused.</summary>
public sealed record DemoCaseStarted(string Urgency, string? ExecutionArn, string? Refusal)
{
    public string Message => Refusal
        ?? $"Started a new {Urgency} demo case; it appears in the {Urgency} queue in a few seconds, once its draft is ready.";
}
