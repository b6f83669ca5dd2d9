using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Resources;

/// <summary>
/// Runs one family of Task state resources on this machine, in place of the AWS service the ARN names
/// (DynamoDB → the task store, S3 → the draft folder, Bedrock → the deterministic draft generator, …).
/// The engine finds the handler for a resource through the registered handlers; none found is a
/// <c>States.Runtime</c> failure naming the resource.
/// </summary>
public interface ILocalResourceHandler
{
    /// <summary>
    /// Whether this handler serves <paramref name="resource"/>, given without its integration-pattern suffix
    /// (the engine strips <c>.waitForTaskToken</c> and <c>.sync</c>), e.g. <c>arn:aws:states:::aws-sdk:dynamodb:putItem</c>.
    /// </summary>
    bool CanHandle(string resource);

    /// <summary>
    /// Performs the call with the state's effective parameters and returns the service's result.
    /// A failure the state's Retry/Catch should see is thrown as <see cref="ResourceFailedException"/>.
    /// </summary>
    Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>One call of a resource from a Task state.</summary>
/// <param name="Resource">The resource ARN without the integration-pattern suffix.</param>
/// <param name="Parameters">The effective parameters after InputPath and Parameters.</param>
/// <param name="TaskToken">The callback token for <c>.waitForTaskToken</c> tasks, otherwise null.</param>
public sealed record ResourceInvocation(
    string Resource,
    JsonNode? Parameters,
    string? TaskToken,
    string ExecutionArn,
    string StateName);

/// <summary>A resource call failed with a named error, as an AWS service error surfaces in Step Functions.</summary>
public sealed class ResourceFailedException : Exception
{
    public ResourceFailedException(string error, string cause)
        : base($"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public ResourceFailedException()
        : this("States.TaskFailed", "The resource failed.")
    {
    }

    public ResourceFailedException(string message)
        : this("States.TaskFailed", message)
    {
    }

    public ResourceFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = "States.TaskFailed";
        Cause = message;
    }

    /// <summary>The error name Retry and Catch match, e.g. <c>DynamoDB.ConditionalCheckFailedException</c>.</summary>
    public string Error { get; }

    public string Cause { get; }
}
