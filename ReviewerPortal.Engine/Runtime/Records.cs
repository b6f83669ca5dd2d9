namespace ReviewerPortal.Engine.Runtime;

/// <summary>A state machine as the engine keeps it (the API's DescribeStateMachine view).</summary>
internal sealed record StateMachineRecord(
    string Arn,
    string Name,
    string Definition,
    string? RoleArn,
    string Type,
    DateTime CreationDate,
    DateTime? UpdateDate = null,
    string? RevisionId = null);

/// <summary>An execution as the engine keeps it (the API's DescribeExecution view), and what recovery needs to resume it.</summary>
internal sealed record ExecutionRecord(
    string Arn,
    string StateMachineArn,
    string StateMachineName,
    string Name,
    string Input,
    DateTime StartDate,
    string Definition,
    string? RoleArn)
{
    /// <summary>How many times RedriveExecution restarted this execution (0 until the first redrive).</summary>
    public int RedriveCount { get; init; }

    /// <summary>When the latest redrive started; also when its TimeoutSeconds starts counting again.</summary>
    public DateTime? RedriveDate { get; init; }

    /// <summary>Client tokens of the latest redrives: the same token again answers the same redrive, as AWS does.</summary>
    public IReadOnlyList<string> RedriveClientTokens { get; init; } = [];

    public string Status { get; init; } = "RUNNING";

    public DateTime? StopDate { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>The Map Run that started this execution, when it is a Distributed Map's child.</summary>
    public string? MapRunArn { get; init; }

    public bool IsRunning => Status == "RUNNING";
}
