using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Redrive;

/// <summary>Redrive with the SQLite engine store: after a restart before the redrive, and in the middle of a redriven run.</summary>
public sealed class RedriveDurabilityTests : IDisposable
{
    private const string Gate = "arn:aws:states:::aws-sdk:dynamodb:putItem";

    /// <summary>Prepare → a review gate (paused on a callback) → Publish, which fails until repaired.</summary>
    private const string Definition = $$"""
        {
          "StartAt": "Prepare",
          "States": {
            "Prepare": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:steady", "ResultPath": "$.prepared", "Next": "Review" },
            "Review": {
              "Type": "Task", "Resource": "{{Gate}}.waitForTaskToken", "ResultPath": "$.decision", "Next": "Publish",
              "Parameters": { "TableName": "review-tasks", "Item": { "token": { "S.$": "$$.Task.Token" }, "redrive": { "N.$": "States.Format('{}', $$.Execution.RedriveCount)" } } }
            },
            "Publish": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:flaky", "Parameters": { "fails": true }, "ResultPath": "$.published", "End": true }
          }
        }
        """;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("engine-redrive-");

    private string Database => Path.Combine(folder.FullName, "engine.db");

    [Fact]
    public async Task An_execution_that_failed_before_a_restart_is_redriven_after_it_and_resumes_again_after_a_second_restart()
    {
        var time = new ManualTimeProvider();
        var functions = new RedriveFunctions();
        var inbox = new InboxHandler(Gate);
        string arn;
        await using (var first = EngineHarness.Durable(Database, time, [inbox], functions.All))
        {
            // Approved at the gate, then Publish fails: the execution ends FAILED before the restart.
            arn = await first.StartAsync(await first.CreateAsync(Definition), """{"caseId":"c-7"}""", "case-7");
            await first.WaitForEventAsync(arn, "TaskSubmitted");
            await first.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = inbox.Calls.Single().TaskToken, Output = """{"decision":"approved"}""" });
            (await first.RunToEndAsync(arn)).Status.Should().Be(ExecutionStatus.FAILED);
        }

        functions.Repaired = true;
        await using (var second = EngineHarness.Durable(Database, time, [inbox], functions.All))
        {
            (await second.Engine.RecoverAsync()).Should().Be(0);
            (await second.DescribeAsync(arn)).RedriveStatus.Should().Be("REDRIVABLE");
            await second.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
            (await second.RunToEndAsync(arn)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
        }

        functions.CallsOf("steady").Should().Be(1, "Prepare ran once, before the first restart");
        functions.CallsOf("flaky").Should().Be(2);
        inbox.Calls.Should().ContainSingle("the approved review gate is not asked again");
    }

    [Fact]
    public async Task A_redriven_execution_paused_at_its_gate_survives_a_restart_and_finishes()
    {
        var time = new ManualTimeProvider();
        var functions = new RedriveFunctions { Repaired = true };
        var inbox = new InboxHandler(Gate);
        string arn;
        await using (var first = EngineHarness.Durable(Database, time, [inbox], functions.All))
        {
            // Stopped while waiting for the clinician: ABORTED. Redriven, it asks the gate again (a new token), then restarts.
            arn = await first.StartAsync(await first.CreateAsync(Definition), """{"caseId":"c-8"}""", "case-8");
            await first.WaitForEventAsync(arn, "TaskSubmitted");
            await first.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn, Error = "Operator" });
            await first.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
            await WaitForAsync(() => inbox.Calls.Count == 2);
            await first.Engine.Store.FlushAsync();
        }

        await using var second = EngineHarness.Durable(Database, time, [inbox], functions.All);
        (await second.Engine.RecoverAsync()).Should().Be(1);
        var calls = inbox.Calls.ToArray();
        calls[1].TaskToken.Should().NotBe(calls[0].TaskToken);
        calls[1].Parameters!["Item"]!["redrive"]!["N"]!.GetValue<string>().Should().Be("1");
        var stale = () => second.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = calls[0].TaskToken, Output = "{}" });
        await stale.Should().ThrowAsync<TaskTimedOutException>("the aborted attempt's token is closed for good");
        await second.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = calls[1].TaskToken, Output = """{"decision":"approved"}""" });
        var done = await second.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        done.RedriveCount.Should().Be(1);
        functions.CallsOf("steady").Should().Be(1);
        inbox.Calls.Should().HaveCount(2, "the gate is asked once per attempt, not again on recovery");
        var history = await second.HistoryAsync(arn);
        history.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        history.Select(e => e.Type).Should().ContainInOrder("ExecutionAborted", "ExecutionRedriven", "TaskStateEntered", "ExecutionSucceeded");
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
