namespace ReviewerPortal.Operations.Health;

/// <summary>How long <c>/readyz</c> waits for each dependency; bound from the <c>Readiness</c> section.</summary>
public sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
