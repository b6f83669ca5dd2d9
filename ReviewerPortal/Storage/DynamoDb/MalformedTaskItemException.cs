namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// A review-task item that cannot become a <see cref="Review.ReviewTask"/>. The message names the task (when known)
/// and the attributes at fault, never their values: the item may carry PHI and the token is a secret.
/// </summary>
public sealed class MalformedTaskItemException : Exception
{
    public MalformedTaskItemException()
    {
    }

    public MalformedTaskItemException(string message)
        : base(message)
    {
    }

    public MalformedTaskItemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MalformedTaskItemException(string? taskId, IReadOnlyList<string> problems)
        : base($"Review task item {taskId ?? "(without an id)"} is malformed: {string.Join("; ", problems)}.")
    {
        TaskId = taskId;
        Problems = problems;
    }

    /// <summary>The task id from <c>taskId</c> or the partition key, or null when neither is readable.</summary>
    public string? TaskId { get; }

    /// <summary>One plain sentence per fault, e.g. <c>urgency is not one of urgent, routine</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
