namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// A Map Run: the child executions one Distributed Map state started, with the runtime settings that control them
/// (the API's DescribeMapRun view, without the counts: those are derived from the children).
/// </summary>
internal sealed record MapRunRecord(
    string Arn,
    string ExecutionArn,
    string StateMachineArn,
    string StateName,
    string ChildStateMachineArn,
    string ChildExecutionType,
    DateTime StartDate)
{
    /// <summary>RUNNING, SUCCEEDED, FAILED or ABORTED.</summary>
    public string Status { get; init; } = MapRunStatus.Running;

    public DateTime? StopDate { get; init; }

    /// <summary>0 means "as many as the engine allows", as in the service.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>Null when not set; with neither threshold set, any failure fails the Map Run.</summary>
    public long? ToleratedFailureCount { get; init; }

    public float? ToleratedFailurePercentage { get; init; }

    /// <summary>How many items the reader yields (after MaxItems); known before the first child starts.</summary>
    public long TotalItems { get; init; }

    /// <summary>Items whose results ResultWriter wrote to S3.</summary>
    public long ResultsWritten { get; init; }

    public int RedriveCount { get; init; }

    public DateTime? RedriveDate { get; init; }

    /// <summary>
    /// The parent's redrive count when this Map Run was last started or redriven: a parent redriven again redrives
    /// the Map Run; one replayed after a restart within the same redrive only resumes it.
    /// </summary>
    public int ParentRedriveCount { get; init; }

    /// <summary>Unsuccessful children the latest redrive could not redrive (a Standard child past its own redrive rules).</summary>
    public long FailuresNotRedrivable { get; init; }

    /// <summary>The items of those children.</summary>
    public long ItemFailuresNotRedrivable { get; init; }

    public bool IsRunning => Status == MapRunStatus.Running;
}

/// <summary>
/// One child execution of a Map Run: an item, or a batch of items starting at <see cref="FirstItemIndex"/>. Kept
/// compact (one row, no history for Express children) so that a Map Run of 100,000 items stays small on disk.
/// </summary>
internal sealed record MapRunChild(
    string MapRunArn,
    int Index,
    long FirstItemIndex,
    int ItemCount,
    string ExecutionArn,
    string Name,
    string Input,
    DateTime StartDate)
{
    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED (ExecutionStatus values).</summary>
    public string Status { get; init; } = "RUNNING";

    public DateTime? StopDate { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>How many times a Map Run redrive ran this child again (a Standard child is then redriven to this count).</summary>
    public int RedriveCount { get; init; }

    /// <summary>While <see cref="MapRunChildStatus.PendingRedrive"/>: the status it ended with, which it keeps if it never runs again.</summary>
    public string? StatusBeforeRedrive { get; init; }

    public bool IsRunning => Status == "RUNNING";
}

/// <summary>A child's status that is not an execution status: unsuccessful, and waiting to run again in a redriven Map Run.</summary>
internal static class MapRunChildStatus
{
    public const string PendingRedrive = "PENDING_REDRIVE";

    /// <summary>Ended for good: any other status (RUNNING, or pending a redrive) means the child still has to run.</summary>
    public static bool IsFinal(string status) => status is "SUCCEEDED" or "FAILED" or "TIMED_OUT" or "ABORTED";

    public static bool IsUnsuccessful(string status) => status is "FAILED" or "TIMED_OUT" or "ABORTED";
}

/// <summary>The statuses a Map Run goes through (DescribeMapRun.status).</summary>
internal static class MapRunStatus
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Aborted = "ABORTED";
}
