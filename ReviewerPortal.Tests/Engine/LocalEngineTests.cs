using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine;

[Trait("Category", "Slow")]
public sealed class LocalEngineTests
{
    private const string ReviewGate = "arn:aws:states:::aws-sdk:dynamodb:putItem";

    private static string GateDefinition(string extra = "") => $$"""
        {
          "StartAt": "Review",
          "States": {
            "Review": {
              "Type": "Task",
              "Resource": "{{ReviewGate}}.waitForTaskToken",
              "Parameters": { "TableName": "tasks", "Item": { "token": { "S.$": "$$.Task.Token" }, "caseId": { "S.$": "$.caseId" } } },
              {{extra}}
              "ResultPath": "$.decision",
              "Next": "Done"
            },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    [Fact]
    public async Task A_pass_chain_succeeds_with_its_output_and_a_faithful_history()
    {
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.a","Next":"B"},"B":{"Type":"Pass","End":true}}}
            """);
        var arn = await engine.StartAsync(machine, """{"in":true}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        JsonNode.DeepEquals(EngineHarness.Json(done.Output), JsonNode.Parse("""{"in":true,"a":{"x":1}}""")).Should().BeTrue(done.Output);
        var history = await engine.HistoryAsync(arn);
        history.Select(e => e.Type).Should().Equal(
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        history.Select(e => e.Id).Should().Equal(1, 2, 3, 4, 5, 6);
        history.Select(e => e.PreviousEventId).Should().Equal(0, 1, 2, 3, 4, 5);
        history[1].StateEnteredEventDetails!.Name.Should().Be("A");
    }

    [Fact]
    public async Task A_review_gate_pauses_until_SendTaskSuccess_and_a_second_use_of_the_token_is_TaskTimedOut()
    {
        var inbox = new InboxHandler(ReviewGate);
        await using var engine = EngineHarness.InMemory([inbox]);
        var arn = await engine.StartAsync(await engine.CreateAsync(GateDefinition()), """{"caseId":"c-1"}""");

        await engine.WaitForEventAsync(arn, "TaskSubmitted");
        inbox.Calls.Should().ContainSingle();
        var call = inbox.Calls.Single();
        call.Parameters!["Item"]!["caseId"]!["S"]!.GetValue<string>().Should().Be("c-1");
        call.Parameters!["Item"]!["token"]!["S"]!.GetValue<string>().Should().Be(call.TaskToken);
        (await engine.DescribeAsync(arn)).Status.Should().Be(ExecutionStatus.RUNNING);

        await engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = call.TaskToken, Output = """{"decision":"approved"}""" });
        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        EngineHarness.Json(done.Output)!["decision"]!["decision"]!.GetValue<string>().Should().Be("approved");
        var again = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = call.TaskToken, Output = "{}" });
        await again.Should().ThrowAsync<TaskTimedOutException>();
    }

    [Fact]
    public async Task SendTaskFailure_fails_the_task_with_the_clinicians_error_which_Catch_can_route()
    {
        var inbox = new InboxHandler(ReviewGate);
        await using var engine = EngineHarness.InMemory([inbox]);
        var arn = await engine.StartAsync(await engine.CreateAsync(GateDefinition()), """{"caseId":"c-2"}""");
        await engine.WaitForEventAsync(arn, "TaskSubmitted");

        await engine.Api.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = inbox.Calls.Single().TaskToken, Error = "ClinicianRejected", Cause = "wrong side" });
        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.FAILED);
        done.Error.Should().Be("ClinicianRejected");
        done.Cause.Should().Be("wrong side");
        (await engine.HistoryAsync(arn)).Should().Contain(e => e.Type == "TaskFailed" && e.TaskFailedEventDetails!.Error == "ClinicianRejected");
    }

    [Fact]
    public async Task A_gate_nobody_heartbeats_times_out_with_States_HeartbeatTimeout_and_heartbeats_keep_it_alive()
    {
        var inbox = new InboxHandler(ReviewGate);
        await using var engine = EngineHarness.InMemory([inbox]);
        var scheduled = engine.Time.GetUtcNow();
        var arn = await engine.StartAsync(await engine.CreateAsync(GateDefinition("\"HeartbeatSeconds\": 60, \"TimeoutSeconds\": 3600,")), """{"caseId":"c-3"}""");
        await engine.WaitForEventAsync(arn, "TaskSubmitted");
        var token = inbox.Calls.Single().TaskToken;

        engine.Time.Advance(TimeSpan.FromSeconds(50));
        await engine.Api.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = token });
        engine.Time.Advance(TimeSpan.FromSeconds(50));

        // The first deadline (60 s) has passed: the engine re-checks it and, seeing the heartbeat, waits until 50 + 60 s.
        await engine.Time.WhenTimerDueAsync(scheduled.AddSeconds(110), "the heartbeat deadline moved to 60 s after the heartbeat", TimeSpan.FromSeconds(20));
        (await engine.DescribeAsync(arn)).Status.Should().Be(ExecutionStatus.RUNNING, "a heartbeat 50 s ago keeps a 60 s heartbeat alive");

        var done = await engine.RunToEndAsync(arn, timersWithin: TimeSpan.FromSeconds(60));

        done.Status.Should().Be(ExecutionStatus.FAILED);
        done.Error.Should().Be("States.HeartbeatTimeout");
        (await engine.HistoryAsync(arn)).Should().Contain(e => e.Type == "TaskTimedOut");
        var late = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = "{}" });
        await late.Should().ThrowAsync<TaskTimedOutException>();
    }

    [Fact]
    public async Task A_paused_execution_survives_a_restart_and_its_token_stays_valid()
    {
        var folder = Directory.CreateTempSubdirectory("engine-restart-");
        try
        {
            var database = Path.Combine(folder.FullName, "engine.db");
            var time = new ManualTimeProvider();
            var inbox = new InboxHandler(ReviewGate);
            string arn;
            string token;
            await using (var first = EngineHarness.Durable(database, time, [inbox]))
            {
                arn = await first.StartAsync(await first.CreateAsync(GateDefinition()), """{"caseId":"c-4"}""", "case-4");
                await first.WaitForEventAsync(arn, "TaskSubmitted");
                token = inbox.Calls.Single().TaskToken!;
            }

            await using var second = EngineHarness.Durable(database, time, [inbox]);
            (await second.Engine.RecoverAsync()).Should().Be(1);
            await second.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = """{"decision":"approved"}""" });
            var done = await second.RunToEndAsync(arn);

            done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
            inbox.Calls.Should().ContainSingle("the gate's item was written once, not again on recovery");
            var history = await second.HistoryAsync(arn);
            history.Count(e => e.Type == "TaskScheduled").Should().Be(1);
            history.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
