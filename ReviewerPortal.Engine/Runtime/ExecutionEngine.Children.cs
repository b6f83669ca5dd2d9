using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Engine.Runtime;

/// <summary><c>arn:aws:states:::states:startExecution</c> (and <c>.sync</c>, <c>.sync:2</c>): child executions of this engine.</summary>
internal sealed partial class ExecutionEngine
{
    public async Task<JsonObject> StartAsync(JsonNode? parameters, ExecutionRun parent, string attemptKey, CancellationToken cancellation)
    {
        var machineArn = parameters?["StateMachineArn"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null;
        var machine = machineArn is null ? null : await Store.GetStateMachineAsync(machineArn);
        if (machine is null)
        {
            throw new ResourceFailedException("StepFunctions.StateMachineDoesNotExistException", $"State Machine Does Not Exist: '{machineArn}'");
        }

        var input = parameters?["Input"] switch
        {
            null => "{}",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var node => node.ToJsonString(),
        };

        // A deterministic default name: a replay after a restart starts (idempotently) the same child.
        var name = parameters?["Name"]?.GetValue<string>()
            ?? new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(parent.Arn + "|" + attemptKey))[..16]).ToString();
        try
        {
            var child = await StartAsync(machine, name, input);
            return new JsonObject { ["ExecutionArn"] = child.Arn, ["StartDate"] = StateContextObject.Timestamp(new DateTimeOffset(child.StartDate, TimeSpan.Zero)) };
        }
        catch (StepFunctions.Model.AmazonStepFunctionsException e)
        {
            throw new ResourceFailedException("StepFunctions." + e.ErrorCode + "Exception", e.Message);
        }
    }

    public async Task<JsonNode?> WaitAsync(string executionArn, bool outputAsJson, CancellationToken cancellation)
    {
        var final = await WaitForEndAsync(executionArn, cancellation)
            ?? throw new StateFailure(StatesErrors.TaskFailed, $"The child execution '{executionArn}' does not exist.");
        var description = new JsonObject
        {
            ["ExecutionArn"] = final.Arn,
            ["Input"] = outputAsJson ? Payloads.Parse(final.Input) : final.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = final.Name,
            ["Output"] = outputAsJson ? Payloads.Parse(final.Output) : final.Output,
            ["OutputDetails"] = new JsonObject { ["Included"] = true },
            ["StartDate"] = StateContextObject.Timestamp(new DateTimeOffset(final.StartDate, TimeSpan.Zero)),
            ["StateMachineArn"] = final.StateMachineArn,
            ["Status"] = final.Status,
            ["StopDate"] = final.StopDate is { } stop ? StateContextObject.Timestamp(new DateTimeOffset(stop, TimeSpan.Zero)) : null,
        };
        if (final.Status == "SUCCEEDED")
        {
            return description;
        }

        description["Error"] = final.Error;
        description["Cause"] = final.Cause;
        throw new StateFailure(StatesErrors.TaskFailed, description.ToJsonString());
    }
}
