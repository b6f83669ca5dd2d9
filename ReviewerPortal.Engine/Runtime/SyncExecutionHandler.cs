using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// <c>arn:aws:states:::aws-sdk:sfn:startSyncExecution</c> on this engine: runs an Express state machine to its end and
/// answers as the API does — a failed run is a <c>Status</c> of FAILED with its error and cause, not a task failure.
/// Express workflows cannot wait with <c>.sync</c>; this is how one runs another (draft-backfill's children).
/// </summary>
internal sealed class SyncExecutionHandler(Func<ExecutionEngine> engine) : ILocalResourceHandler
{
    public const string Resource = "arn:aws:states:::aws-sdk:sfn:startSyncExecution";

    public bool CanHandle(string resource) => resource == Resource;

    public async Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var runner = engine();
        var arn = invocation.Parameters?["StateMachineArn"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null;
        var machine = arn is null ? null : await runner.Store.GetStateMachineAsync(arn);
        if (machine is null)
        {
            throw new ResourceFailedException("Sfn.StateMachineDoesNotExistException", $"State Machine Does Not Exist: '{arn}'");
        }

        if (machine.Type != "EXPRESS")
        {
            throw new ResourceFailedException("Sfn.StateMachineTypeNotSupportedException", "This operation is not supported by this type of state machine");
        }

        var input = invocation.Parameters?["Input"] switch
        {
            null => "{}",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var node => node.ToJsonString(),
        };
        var name = invocation.Parameters?["Name"]?.GetValue<string>();
        ExecutionRecord started;
        try
        {
            started = await runner.StartAsync(machine, name, input);
        }
        catch (AmazonStepFunctionsException e)
        {
            throw new ResourceFailedException("Sfn." + e.ErrorCode + "Exception", e.Message);
        }

        var final = await runner.WaitForEndAsync(started.Arn, cancellationToken) ?? started;
        var response = new JsonObject
        {
            ["ExecutionArn"] = final.Arn,
            ["StateMachineArn"] = final.StateMachineArn,
            ["Name"] = final.Name,
            ["StartDate"] = StateContextObject.Timestamp(new DateTimeOffset(final.StartDate, TimeSpan.Zero)),
            ["StopDate"] = final.StopDate is { } stop ? StateContextObject.Timestamp(new DateTimeOffset(stop, TimeSpan.Zero)) : null,
            ["Status"] = final.Status,
            ["Input"] = final.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
        };
        if (final.Status == "SUCCEEDED")
        {
            response["Output"] = final.Output;
            response["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        else
        {
            response["Error"] = final.Error;
            response["Cause"] = final.Cause;
        }

        return response;
    }
}
