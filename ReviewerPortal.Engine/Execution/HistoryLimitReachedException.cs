namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// Ends an execution whose history reached AWS's hard quota of 25,000 events: a runaway loop fails (no Retry or Catch
/// sees it) instead of filling the disk and the store for everyone.
/// </summary>
internal sealed class HistoryLimitReachedException : Exception
{
    /// <summary>"Maximum execution history size: 25,000 events in a single execution history."</summary>
    public const int MaxEvents = 25_000;

    public const string Cause = "The execution reached the quota of 25,000 events in its history.";

    public HistoryLimitReachedException()
        : base(Cause)
    {
    }

    public HistoryLimitReachedException(string message)
        : base(message)
    {
    }

    public HistoryLimitReachedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
