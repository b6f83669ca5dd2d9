using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>How Step Functions waits on a service integration (the suffix of the resource ARN).</summary>
internal enum IntegrationPattern
{
    RequestResponse,
    WaitForTaskToken,
    Sync,
}

/// <summary>Calls a resource (a local handler standing in for an AWS service) and may wait for a callback.</summary>
internal sealed class TaskState : State
{
    public override string Type => "Task";

    /// <summary>The resource as written, e.g. <c>arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>The resource without its integration-pattern suffix.</summary>
    public required string BaseResource { get; init; }

    public IntegrationPattern Pattern { get; init; }

    public int? TimeoutSeconds { get; init; }

    public JsonPathExpression? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPathExpression? HeartbeatSecondsPath { get; init; }

    /// <summary>JSONata: <c>"TimeoutSeconds": "{% … %}"</c>.</summary>
    public JsonataField? TimeoutSecondsExpression { get; init; }

    /// <summary>JSONata: <c>"HeartbeatSeconds": "{% … %}"</c>.</summary>
    public JsonataField? HeartbeatSecondsExpression { get; init; }

    /// <summary>Splits <c>….waitForTaskToken</c>, <c>….sync</c> and <c>….sync:2</c> off a resource ARN.</summary>
    public static (string BaseResource, IntegrationPattern Pattern) SplitPattern(string resource)
    {
        if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            return (resource[..^".waitForTaskToken".Length], IntegrationPattern.WaitForTaskToken);
        }

        if (resource.EndsWith(".sync:2", StringComparison.Ordinal))
        {
            return (resource[..^".sync:2".Length], IntegrationPattern.Sync);
        }

        return resource.EndsWith(".sync", StringComparison.Ordinal)
            ? (resource[..^".sync".Length], IntegrationPattern.Sync)
            : (resource, IntegrationPattern.RequestResponse);
    }
}
