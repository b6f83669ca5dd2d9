using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine;

/// <summary>aws-sdk:sfn:startSyncExecution on the local engine: an Express child's end comes back as the API answers it.</summary>
public sealed class SyncExecutionHandlerTests
{
    private const string Caller = """
        {
          "StartAt": "Run",
          "States": {
            "Run": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:startSyncExecution",
                     "Parameters": { "StateMachineArn.$": "$.child", "Input": { "caseId.$": "$.caseId" } },
                     "ResultSelector": { "status.$": "$.Status", "output.$": "$.Output" }, "End": true }
          }
        }
        """;

    [Fact]
    public async Task An_express_child_runs_to_its_end_and_its_status_and_output_come_back()
    {
        EngineHarness? harness = null;
        await using var engine = harness = EngineHarness.InMemory([new SyncExecutionHandler(() => harness!.Engine)]);
        var child = await engine.Api.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "child", Type = StateMachineType.EXPRESS, RoleArn = "arn:aws:iam::123456789012:role/local",
            Definition = """{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","Parameters":{"drafted.$":"$.caseId"},"End":true}}}""",
        });
        var standard = await engine.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "standard");
        var caller = await engine.CreateAsync(Caller, "caller");

        var done = await engine.RunToEndAsync(await engine.StartAsync(caller, $$"""{"child":"{{child.StateMachineArn}}","caseId":"RP-1"}"""));
        var refused = await engine.RunToEndAsync(await engine.StartAsync(caller, $$"""{"child":"{{standard}}","caseId":"RP-2"}"""));

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        var result = JsonNode.Parse(done.Output!)!;
        result["status"]!.GetValue<string>().Should().Be("SUCCEEDED");
        JsonNode.Parse(result["output"]!.GetValue<string>())!["drafted"]!.GetValue<string>().Should().Be("RP-1");
        refused.Error.Should().Be("Sfn.StateMachineTypeNotSupportedException", "startSyncExecution runs Express state machines only");
    }
}
