using System.Globalization;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Execution;

/// <summary>The context object of one state attempt: <c>$$.Execution</c>, <c>$$.State</c>, <c>$$.StateMachine</c>, <c>$$.Task</c>, <c>$$.Map</c>.</summary>
internal sealed class StateContextObject(ExecutionRun run, State state, DateTimeOffset enteredTime, int retryCount, string? taskToken, MapItem? mapItem)
    : ContextObject
{
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    protected override JsonNode Build()
    {
        var identity = run.Identity;
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = identity.ExecutionArn,
                ["Input"] = run.Input?.DeepClone(),
                ["Name"] = identity.Name,
                ["RoleArn"] = identity.RoleArn,
                ["StartTime"] = Timestamp(identity.StartTime),
                ["RedriveCount"] = identity.RedriveCount,
            },
            ["State"] = new JsonObject { ["EnteredTime"] = Timestamp(enteredTime), ["Name"] = state.Name },
            ["StateMachine"] = new JsonObject { ["Id"] = identity.StateMachineArn, ["Name"] = identity.StateMachineName },
        };
        if (identity.RedriveTime is { } redriven)
        {
            context["Execution"]!["RedriveTime"] = Timestamp(redriven);
        }

        // AWS gives $$.State.RetryCount only to the states that can retry: a Pass state's context has none.
        if (state is TaskState or ParallelState or MapState)
        {
            context["State"]!["RetryCount"] = retryCount;
        }

        if (taskToken is not null)
        {
            context["Task"] = new JsonObject { ["Token"] = taskToken };
        }

        if (mapItem is not null)
        {
            context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = mapItem.Index, ["Value"] = mapItem.Value?.DeepClone() } };
        }

        return context;
    }
}
