namespace ReviewerPortal.Review;

/// <summary>
/// The review-task item as the review gate's <c>aws-sdk:dynamodb:putItem.waitForTaskToken</c> writes it: the contract
/// between the bundled templates and the portal (docs/contract.md, "The review-task item"). The DynamoDB store reads and writes exactly these
/// names; the local engine's DynamoDB handler maps the same item onto the SQLite store.
/// </summary>
/// <remarks>
/// Table keys: <see cref="PartitionKey"/> and <see cref="SortKey"/>. A task is <c>pk = TASK#{taskId}</c>,
/// <c>sk = TASK</c>; its audit entries share the partition with <c>sk = AUDIT#{ISO-8601 time}#{unique}</c>; audit
/// without a task (sign-in) is <c>pk = AUDIT#{yyyy-MM-dd}</c>. The sparse index <see cref="OpenByQueueIndex"/> is keyed
/// by <see cref="OpenQueue"/> (present only while the task is open) and <see cref="DueAt"/>. Timestamps are ISO-8601
/// UTC strings (<c>2026-11-22T03:04:05.000Z</c>), which sort as text.
/// </remarks>
public static class ReviewTaskAttributes
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string TaskPartitionPrefix = "TASK#";
    public const string TaskSortKey = "TASK";
    public const string AuditSortPrefix = "AUDIT#";

    /// <summary>
    /// A reviewer's unsent edit of the task shares its partition: <c>sk = EDIT#{reviewerId}#{part}</c>, in as many parts
    /// as a 1 MiB edit needs under DynamoDB's 400 KB item limit, each with <see cref="ExpiresAt"/> set (IKeptEditStore).
    /// </summary>
    public const string EditSortPrefix = "EDIT#";

    public const string OpenByQueueIndex = "open-by-queue";
    public const string OpenQueue = "openQueue";

    /// <summary>
    /// The <see cref="OpenQueue"/> value of a task whose decision is recorded but not yet accepted by Step Functions
    /// (DECIDING): it leaves its clinical queue, and the reconciler finds it in this index partition without a Scan.
    /// </summary>
    public const string DecidingQueue = "deciding";

    public const string TaskId = "taskId";
    public const string TaskToken = "taskToken";
    public const string ExecutionArn = "executionArn";
    public const string CaseId = "caseId";
    public const string StudyDescription = "studyDescription";
    public const string Modality = "modality";

    /// <summary><c>urgent</c> | <c>routine</c>.</summary>
    public const string Urgency = "urgency";

    /// <summary><c>urgent</c> | <c>routine</c> | <c>escalation</c>.</summary>
    public const string Queue = "queue";

    /// <summary>The AI draft as <c>s3://bucket/key</c>.</summary>
    public const string DraftUri = "draftUri";

    public const string CreatedAt = "createdAt";

    /// <summary>
    /// When the case first arrived for review: the execution's start, written by every gate of the execution, so a
    /// revision attempt (a new gate item after a rejection) keeps the case's original arrival beside its own <see cref="CreatedAt"/>.
    /// </summary>
    public const string FirstArrivedAt = "firstArrivedAt";
    public const string DueAt = "dueAt";

    /// <summary>
    /// The gate's SLA in seconds (a number). JSONPath cannot add a duration to a timestamp, so the review gate writes
    /// <see cref="CreatedAt"/> and this instead of <see cref="DueAt"/>; readers take <c>dueAt = createdAt + slaSeconds</c>,
    /// and in Aws mode the portal writes that <see cref="DueAt"/> into the item so it enters <see cref="OpenByQueueIndex"/>.
    /// </summary>
    public const string SlaSeconds = "slaSeconds";

    /// <summary>
    /// A second sparse index keyed by <see cref="OpenQueue"/> and <see cref="CreatedAt"/>, projecting <see cref="DueAt"/>
    /// and <see cref="SlaSeconds"/>: where the portal finds gate items that have no <see cref="DueAt"/> yet (an item
    /// without both keys of <see cref="OpenByQueueIndex"/> is not in it) without a Scan.
    /// </summary>
    public const string OpenByArrivalIndex = "open-by-arrival";
    public const string Attempt = "attempt";

    /// <summary><c>PENDING</c> | <c>CLAIMED</c> | <c>DECIDING</c> | <c>DECIDED</c> | <c>EXPIRED</c>.</summary>
    public const string Status = "status";

    public const string Version = "version";
    public const string ClaimedBy = "claimedBy";
    public const string ClaimedByName = "claimedByName";
    public const string ClaimUntil = "claimUntil";

    /// <summary>The recorded decision, a map.</summary>
    public const string Decision = "decision";

    /// <summary>TTL (epoch seconds) set when a task closes; DynamoDB deletes late, so reads filter it too.</summary>
    public const string ExpiresAt = "expiresAt";
}
