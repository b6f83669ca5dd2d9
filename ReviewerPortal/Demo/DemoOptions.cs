namespace ReviewerPortal.Demo;

/// <summary>Demo data in Local mode, bound from the <c>Demo</c> section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// Start the demo cases at start-up as real study-review executions on the local engine, which fill the queues by
    /// reaching their review gates (idempotent: a case already started is not started again).
    /// </summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>
    /// Insert the catalog's pre-written drafts directly as pending rows, without workflows behind them. Off by default:
    /// a fixture for screenshots and page tests that need fixed ages and deadlines; such rows cannot be decided.
    /// </summary>
    public bool SeedRows { get; set; }
}
