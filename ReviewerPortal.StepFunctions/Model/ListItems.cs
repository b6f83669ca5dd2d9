namespace ReviewerPortal.StepFunctions.Model;

public sealed class Tag
{
    public string? Key { get; set; }
    public string? Value { get; set; }
}

public sealed class StateMachineListItem
{
    public string? StateMachineArn { get; set; }
    public string? Name { get; set; }
    public StateMachineType? Type { get; set; }
    public DateTime CreationDate { get; set; }
}

public sealed class ExecutionListItem
{
    public string? ExecutionArn { get; set; }
    public string? StateMachineArn { get; set; }
    public string? Name { get; set; }
    public ExecutionStatus? Status { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime? StopDate { get; set; }
    public string? MapRunArn { get; set; }
    public int? ItemCount { get; set; }
    public int? RedriveCount { get; set; }
    public DateTime? RedriveDate { get; set; }
}

public sealed class MapRunListItem
{
    public string? ExecutionArn { get; set; }
    public string? MapRunArn { get; set; }
    public string? StateMachineArn { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime? StopDate { get; set; }
}

/// <summary>Item counts of a Distributed Map run (DescribeMapRun.itemCounts).</summary>
public class MapRunItemCounts
{
    public long Pending { get; set; }
    public long Running { get; set; }
    public long Succeeded { get; set; }
    public long Failed { get; set; }
    public long TimedOut { get; set; }
    public long Aborted { get; set; }
    public long Total { get; set; }
    public long ResultsWritten { get; set; }
    public long FailuresNotRedrivable { get; set; }
    public long PendingRedrive { get; set; }
}

/// <summary>Child-execution counts of a Distributed Map run (DescribeMapRun.executionCounts).</summary>
public sealed class MapRunExecutionCounts : MapRunItemCounts;

public sealed class ValidateStateMachineDefinitionDiagnostic
{
    /// <summary><c>ERROR</c> or <c>WARNING</c>.</summary>
    public string? Severity { get; set; }
    public string? Code { get; set; }
    public string? Message { get; set; }

    /// <summary>Where in the definition, e.g. <c>/States/Review/Next</c>.</summary>
    public string? Location { get; set; }
}
