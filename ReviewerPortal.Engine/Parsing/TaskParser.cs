using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses a Task state: its resource ARN, integration pattern, and timeout and heartbeat settings.</summary>
internal static class TaskParser
{
    public static TaskState? Parse(JsonObject obj, CommonFields common, string location, ParseContext context)
    {
        var resource = context.String(obj, "Resource", location, required: true);
        var timeoutExpression = Expression(obj, "TimeoutSeconds", location, context);
        var heartbeatExpression = Expression(obj, "HeartbeatSeconds", location, context);
        var timeout = timeoutExpression is null ? context.Integer(obj, "TimeoutSeconds", location, min: 1) : null;
        var heartbeat = heartbeatExpression is null ? context.Integer(obj, "HeartbeatSeconds", location, min: 1) : null;
        var timeoutPath = context.Path(context.String(obj, "TimeoutSecondsPath", location), $"{location}/TimeoutSecondsPath", "TimeoutSecondsPath", reference: true);
        var heartbeatPath = context.Path(context.String(obj, "HeartbeatSecondsPath", location), $"{location}/HeartbeatSecondsPath", "HeartbeatSecondsPath", reference: true);
        if (obj.ContainsKey("TimeoutSeconds") && obj.ContainsKey("TimeoutSecondsPath"))
        {
            context.Fail(location, $"The Task state '{common.Name}' cannot have both 'TimeoutSeconds' and 'TimeoutSecondsPath'.");
        }

        if (obj.ContainsKey("HeartbeatSeconds") && obj.ContainsKey("HeartbeatSecondsPath"))
        {
            context.Fail(location, $"The Task state '{common.Name}' cannot have both 'HeartbeatSeconds' and 'HeartbeatSecondsPath'.");
        }

        if (timeout is { } t && heartbeat is { } h && h >= t)
        {
            context.Fail($"{location}/HeartbeatSeconds", $"'HeartbeatSeconds' ({h}) must be smaller than 'TimeoutSeconds' ({t}).");
        }

        if (resource is null)
        {
            return null;
        }

        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            context.Fail($"{location}/Resource", $"The resource '{resource}' of the Task state '{common.Name}' is not an ARN.", AslDiagnostic.InvalidResource);
            return null;
        }

        var (baseResource, pattern) = TaskState.SplitPattern(resource);
        return common.Apply(new TaskState
        {
            Name = common.Name,
            Resource = resource,
            BaseResource = baseResource,
            Pattern = pattern,
            TimeoutSeconds = timeout,
            TimeoutSecondsPath = timeoutPath,
            HeartbeatSeconds = heartbeat,
            HeartbeatSecondsPath = heartbeatPath,
            TimeoutSecondsExpression = timeoutExpression,
            HeartbeatSecondsExpression = heartbeatExpression,
        });
    }

    /// <summary>In a JSONata state a timeout may be a <c>{% %}</c> expression, evaluated when the task is scheduled.</summary>
    private static JsonataField? Expression(JsonObject obj, string field, string location, ParseContext context) =>
        context.Jsonata && obj[field] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? JsonataStateParser.Field(obj, field, location, context) as JsonataField
            : null;
}
