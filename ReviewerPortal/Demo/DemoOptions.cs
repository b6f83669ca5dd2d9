namespace ReviewerPortal.Demo;

/// <summary>Demo data in Local mode, bound from the <c>Demo</c> section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Register the demo cases as pending review tasks at start (idempotent: a case already present is kept).</summary>
    public bool SeedOnStart { get; set; } = true;
}
