namespace ReviewerPortal.Engine;

/// <summary>Settings of the in-process Step Functions engine, bound from the <c>LocalEngine</c> section.</summary>
public sealed class LocalEngineOptions
{
    public const string Section = "LocalEngine";

    /// <summary>Keep executions in SQLite (<see cref="DatabaseFile"/> under Portal:DataDirectory) so they survive a restart.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>The engine database, relative to Portal:DataDirectory; separate from the review-task store.</summary>
    public string DatabaseFile { get; set; } = "engine.db";

    /// <summary>How many executions may run a step at the same moment (paused ones do not count).</summary>
    public int MaxConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>
    /// Unwind executions paused at a top-level callback (the review gate) so they hold only their token; the callback
    /// resumes them by replaying their history. Off keeps their frames in memory.
    /// </summary>
    public bool ParkPausedExecutions { get; set; } = true;

    public string Region { get; set; } = "us-east-1";

    public string AccountId { get; set; } = "123456789012";
}
