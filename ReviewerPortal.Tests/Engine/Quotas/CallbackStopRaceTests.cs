using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Quotas;

/// <summary>Issue 14, item 6: a callback the API acknowledged is in the history even when StopExecution follows at once.</summary>
public sealed class CallbackStopRaceTests
{
    private const string GateResource = "arn:aws:states:::aws-sdk:dynamodb:putItem";

    [Fact]
    public async Task An_acknowledged_SendTaskFailure_followed_at_once_by_StopExecution_is_recorded_before_the_abort()
    {
        var gate = new InboxHandler(GateResource);
        await using var engine = EngineHarness.InMemory([gate]);
        var definition = new System.Text.Json.Nodes.JsonObject
        {
            ["StartAt"] = "Gate",
            ["States"] = new System.Text.Json.Nodes.JsonObject
            {
                ["Gate"] = System.Text.Json.Nodes.JsonNode.Parse(
                    "{\"Type\":\"Task\",\"Resource\":\"" + GateResource + ".waitForTaskToken\",\"Parameters\":{\"Item\":{\"token\":{\"S.$\":\"$$.Task.Token\"}}},\"End\":true}"),
            },
        };
        var machine = await engine.CreateAsync(definition.ToJsonString());
        var executions = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            executions.Add(await engine.StartAsync(machine));
        }

        foreach (var arn in executions)
        {
            await engine.WaitForEventAsync(arn, "TaskSubmitted");
            var token = gate.Calls.Single(c => c.ExecutionArn == arn).TaskToken;
            await engine.Api.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = token, Error = "Rejected", Cause = "by the reviewer" });
            await engine.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn });
        }

        foreach (var arn in executions)
        {
            var ended = await engine.RunToEndAsync(arn);
            var history = await engine.HistoryAsync(arn);
            ended.Status!.Value.Should().BeOneOf("FAILED", "ABORTED");
            history.Should().Contain(e => e.Type == HistoryEventType.TaskFailed && e.TaskFailedEventDetails!.Error == "Rejected", "{0} ended {1}", arn, ended.Status.Value);
        }
    }
}
