using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Execution;

/// <summary>Executions started by a task (<c>arn:aws:states:::states:startExecution</c>), run by the same engine.</summary>
internal interface IChildExecutions
{
    /// <summary>Starts the child (idempotently: a replay starts the same one) and returns <c>{ExecutionArn, StartDate}</c>.</summary>
    Task<JsonObject> StartAsync(JsonNode? parameters, ExecutionRun parent, string attemptKey, CancellationToken cancellation);

    /// <summary>Waits for the child to end; its DescribeExecution as the result, or a States.TaskFailed-style failure.</summary>
    Task<JsonNode?> WaitAsync(string executionArn, bool outputAsJson, CancellationToken cancellation);
}
