namespace ReviewerPortal.Engine.MapRuns;

/// <summary>How a child execution ended.</summary>
internal sealed record ChildOutcome(string Status, string? Output, string? Error, string? Cause, DateTime StopDate);
