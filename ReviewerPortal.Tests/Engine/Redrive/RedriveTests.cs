using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Redrive;

/// <summary>RedriveExecution in the local engine: what is re-run, what is not, and what the execution shows afterwards.</summary>
public sealed class RedriveTests
{
    private const string Steady = "arn:aws:lambda:us-east-1:123456789012:function:steady";
    private const string Flaky = "arn:aws:lambda:us-east-1:123456789012:function:flaky";

    /// <summary>Long enough for Generate's two retries (1 s, then 2 s) and the fan-out's one-second Wait.</summary>
    private static readonly TimeSpan Backoffs = TimeSpan.FromSeconds(5);

    /// <summary>Prepare (succeeds) → Generate (fails until repaired, retried twice) → Report (reads the redrive context).</summary>
    private const string PlainDefinition = $$"""
        {
          "StartAt": "Prepare",
          "States": {
            "Prepare": { "Type": "Task", "Resource": "{{Steady}}", "Parameters": { "step": "prepare" }, "ResultPath": "$.prepared", "Next": "Generate" },
            "Generate": {
              "Type": "Task", "Resource": "{{Flaky}}", "Parameters": { "step": "generate", "fails": true }, "ResultPath": "$.generated",
              "Retry": [ { "ErrorEquals": ["States.ALL"], "MaxAttempts": 2, "IntervalSeconds": 1 } ],
              "Next": "Report"
            },
            "Report": {
              "Type": "Pass",
              "Parameters": { "redriveCount.$": "$$.Execution.RedriveCount", "redriveTime.$": "$$.Execution.RedriveTime", "generated.$": "$.generated.from" },
              "End": true
            }
          }
        }
        """;

    /// <summary>A Parallel of a steady and a flaky branch, then an inline Map whose second item fails until repaired.</summary>
    private const string FanOutDefinition = $$"""
        {
          "StartAt": "Both",
          "States": {
            "Both": {
              "Type": "Parallel", "ResultPath": "$.both", "Next": "Each",
              "Branches": [
                { "StartAt": "Left", "States": { "Left": { "Type": "Task", "Resource": "{{Steady}}", "Parameters": { "branch": "left" }, "End": true } } },
                { "StartAt": "Later", "States": {
                    "Later": { "Type": "Wait", "Seconds": 1, "Next": "Right" },
                    "Right": { "Type": "Task", "Resource": "{{Flaky}}", "Parameters": { "branch": "right", "fails.$": "$.rightFails" }, "End": true } } }
              ]
            },
            "Each": {
              "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1, "ResultPath": "$.each", "End": true,
              "ItemProcessor": {
                "StartAt": "Item",
                "States": { "Item": { "Type": "Task", "Resource": "{{Flaky}}", "End": true } }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task A_failed_execution_is_redriven_from_the_failed_state_without_rerunning_what_succeeded()
    {
        var functions = new RedriveFunctions();
        await using var engine = EngineHarness.InMemory(functions: functions.All);
        var arn = await engine.StartAsync(await engine.CreateAsync(PlainDefinition), """{"caseId":"c-1"}""");
        var failed = await engine.RunToEndAsync(arn, Backoffs);
        failed.Status.Should().Be(ExecutionStatus.FAILED);
        failed.RedriveStatus.Should().Be("REDRIVABLE");
        failed.RedriveCount.Should().Be(0);
        functions.CallsOf("flaky").Should().Be(3, "the first attempt and its two retries");

        functions.Repaired = true;
        engine.Time.Advance(TimeSpan.FromMinutes(5));
        var redriven = await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
        var done = await engine.RunToEndAsync(arn, Backoffs);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        functions.CallsOf("steady").Should().Be(1, "Prepare succeeded before the redrive and is not run again");
        functions.CallsOf("flaky").Should().Be(4, "Generate runs again, once, with its retries reset");
        redriven.RedriveDate.Should().Be(engine.Time.GetUtcNow().UtcDateTime);
        var output = EngineHarness.Json(done.Output)!;
        output["redriveCount"]!.GetValue<int>().Should().Be(1);
        output["redriveTime"]!.GetValue<string>().Should().Be(redriven.RedriveDate.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        output["generated"]!.GetValue<string>().Should().Be("flaky");
        done.RedriveCount.Should().Be(1);
        done.RedriveDate.Should().Be(redriven.RedriveDate);
        done.StartDate.Should().Be(failed.StartDate, "a redriven execution keeps its ARN and start date");
        done.RedriveStatus.Should().Be("NOT_REDRIVABLE");
        done.RedriveStatusReason.Should().Be("Execution is SUCCEEDED and cannot be redriven.");

        var history = await engine.HistoryAsync(arn);
        history.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.StartWith(1);
        var types = history.Select(e => e.Type).ToList();
        types.IndexOf("ExecutionFailed").Should().BeLessThan(types.IndexOf("ExecutionRedriven"));
        history.Single(e => e.Type == "ExecutionRedriven").ExecutionRedrivenEventDetails!.RedriveCount.Should().Be(1);
        types.Skip(types.IndexOf("ExecutionRedriven") + 1).Should().StartWith("TaskStateEntered").And.EndWith("ExecutionSucceeded");
        history.Count(e => e.Type == "TaskStateEntered" && e.StateEnteredEventDetails!.Name == "Prepare").Should().Be(1);
    }

    [Fact]
    public async Task Only_the_failed_branch_of_a_Parallel_and_the_failed_items_of_a_Map_run_again()
    {
        var functions = new RedriveFunctions();
        await using var engine = EngineHarness.InMemory(functions: functions.All);
        var machine = await engine.CreateAsync(FanOutDefinition);
        const string items = """[{"n":1},{"n":2,"fails":true},{"n":3}]""";

        // First run: the Parallel fails on its right branch, after its left branch has finished.
        var arn = await engine.StartAsync(machine, $$"""{"rightFails":true,"items":{{items}}}""");
        await engine.WaitForEventAsync(arn, "TaskStateExited");
        (await engine.RunToEndAsync(arn, Backoffs)).Status.Should().Be(ExecutionStatus.FAILED);
        functions.Repaired = true;
        await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
        (await engine.RunToEndAsync(arn, Backoffs)).Status.Should().Be(ExecutionStatus.SUCCEEDED);

        functions.CallsOf("steady", """{"branch":"left"}""").Should().Be(1, "the left branch succeeded and is not run again");
        functions.CallsOf("flaky", """{"branch":"right","fails":true}""").Should().Be(2, "the right branch failed once and ran once more");

        // Second execution: the Parallel succeeds, the Map fails on item 2 (MaxConcurrency 1: one item at a time).
        functions.Repaired = false;
        var second = await engine.StartAsync(machine, $$"""{"rightFails":false,"items":{{items}}}""");
        var before = (One: functions.CallsOf("flaky", """{"n":1}"""), Three: functions.CallsOf("flaky", """{"n":3}"""));
        var failed = await engine.RunToEndAsync(second, Backoffs);
        failed.Status.Should().Be(ExecutionStatus.FAILED);
        var itemOneRan = functions.CallsOf("flaky", """{"n":1}""") - before.One;
        functions.Repaired = true;
        await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = second });
        var done = await engine.RunToEndAsync(second, Backoffs);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        itemOneRan.Should().Be(1, "item 1 ran before item 2 failed");
        functions.CallsOf("flaky", """{"n":1}""").Should().Be(before.One + 1, "item 1 succeeded before the redrive and is not run again");
        functions.CallsOf("flaky", """{"n":3}""").Should().Be(before.Three + 1, "item 3 runs once: before the failure or after the redrive");
        EngineHarness.Json(done.Output)!["each"]!.AsArray().Select(r => r!["input"]!["n"]!.GetValue<int>()).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Running_succeeded_and_express_executions_are_not_redrivable_with_AWS_reasons()
    {
        var functions = new RedriveFunctions { Repaired = true };
        await using var engine = EngineHarness.InMemory(functions: functions.All);
        var hold = await engine.StartAsync(await engine.CreateAsync("""{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":600,"End":true}}}""", "hold"));
        var succeeded = await engine.StartAsync(await engine.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "plain"));
        (await engine.RunToEndAsync(succeeded)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
        var express = await engine.Api.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "express", Definition = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Broken"}}}""",
            RoleArn = "arn:aws:iam::123456789012:role/local", Type = StateMachineType.EXPRESS,
        });
        var expressRun = await engine.StartAsync(express.StateMachineArn!);
        (await engine.RunToEndAsync(expressRun)).Status.Should().Be(ExecutionStatus.FAILED);

        (await engine.DescribeAsync(hold)).Status.Should().Be(ExecutionStatus.RUNNING);
        var running = await RedriveErrorAsync(engine, hold);
        running.Message.Should().Be("Execution is RUNNING and cannot be redriven");
        (await engine.DescribeAsync(hold)).RedriveStatusReason.Should().Be("Execution is RUNNING and cannot be redriven.");
        (await RedriveErrorAsync(engine, succeeded)).Message.Should().Be("Execution is SUCCEEDED and cannot be redriven");
        (await RedriveErrorAsync(engine, expressRun)).Message.Should().Contain("EXPRESS");
        var missing = () => engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = hold + "-missing" });
        await missing.Should().ThrowAsync<ExecutionDoesNotExistException>();
    }

    [Fact]
    public async Task An_aborted_execution_is_redrivable_for_14_days_after_it_ended_and_then_not()
    {
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync("""{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":600,"Next":"Done"},"Done":{"Type":"Pass","End":true}}}""");
        var early = await engine.StartAsync(machine, name: "early");
        var late = await engine.StartAsync(machine, name: "late");
        await engine.WaitForEventAsync(early, "WaitStateEntered");
        await engine.WaitForEventAsync(late, "WaitStateEntered");
        await engine.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = early, Error = "Operator", Cause = "maintenance" });
        await engine.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = late });

        engine.Time.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        (await engine.DescribeAsync(early)).RedriveStatus.Should().Be("REDRIVABLE");
        await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = early });
        var redriven = await engine.RunToEndAsync(early, timersWithin: TimeSpan.FromSeconds(600));
        redriven.Status.Should().Be(ExecutionStatus.SUCCEEDED, "the aborted Wait is entered again and then finishes");
        redriven.Error.Should().BeNull();

        engine.Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await engine.DescribeAsync(late);
        expired.RedriveStatus.Should().Be("NOT_REDRIVABLE");
        expired.RedriveStatusReason.Should().Be("Execution redrivable period exceeded.");
        (await RedriveErrorAsync(engine, late)).Message.Should().Be("Execution redrivable period exceeded");
    }

    [Fact]
    public async Task A_timed_out_execution_is_redriven_with_its_state_machine_timeout_counted_again_from_the_redrive()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new ReviewerPortal.Engine.Resources.LocalFunction("slow", async (input, cancellation) =>
        {
            await release.Task.WaitAsync(cancellation);
            return input;
        });
        await using var engine = EngineHarness.InMemory(functions: [slow]);
        var machine = await engine.CreateAsync("""
            {"TimeoutSeconds": 60, "StartAt": "Slow",
             "States": {"Slow": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:slow", "End": true}}}
            """);
        var arn = await engine.StartAsync(machine, """{"caseId":"c-9"}""");
        var timedOut = await engine.RunToEndAsync(arn, timersWithin: TimeSpan.FromSeconds(60));
        timedOut.Status.Should().Be(ExecutionStatus.TIMED_OUT);
        timedOut.RedriveStatus.Should().Be("REDRIVABLE");

        release.SetResult();
        await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, "the 60 s timeout restarts at the redrive instead of having passed already");
        EngineHarness.Json(done.Output)!["caseId"]!.GetValue<string>().Should().Be("c-9");
    }

    [Fact]
    public async Task The_same_client_token_answers_the_same_redrive_and_a_redrive_can_follow_a_redriven_failure()
    {
        var functions = new RedriveFunctions();
        await using var engine = EngineHarness.InMemory(functions: functions.All);
        var arn = await engine.StartAsync(await engine.CreateAsync(PlainDefinition));
        await engine.RunToEndAsync(arn, Backoffs);

        var first = await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn, ClientToken = "operator-click-1" });
        (await engine.RunToEndAsync(arn, Backoffs)).Status.Should().Be(ExecutionStatus.FAILED, "still broken: the redrive fails again");
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn, ClientToken = "operator-click-1" });
        again.RedriveDate.Should().Be(first.RedriveDate, "a repeated client token is the same request, not a second redrive");
        (await engine.DescribeAsync(arn)).RedriveCount.Should().Be(1);

        functions.Repaired = true;
        await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn, ClientToken = "operator-click-2" });
        var done = await engine.RunToEndAsync(arn, Backoffs);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        done.RedriveCount.Should().Be(2);
        EngineHarness.Json(done.Output)!["redriveCount"]!.GetValue<int>().Should().Be(2);
        functions.CallsOf("steady").Should().Be(1);
        (await engine.HistoryAsync(arn)).Where(e => e.Type == "ExecutionRedriven").Select(e => e.ExecutionRedrivenEventDetails!.RedriveCount).Should().Equal(1, 2);
        var listed = await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = done.StateMachineArn, RedriveFilter = "REDRIVEN" });
        listed.Executions.Should().ContainSingle().Which.RedriveCount.Should().Be(2);
        (await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = done.StateMachineArn, RedriveFilter = "NOT_REDRIVEN" })).Executions.Should().BeEmpty();
    }

    private static async Task<ExecutionNotRedrivableException> RedriveErrorAsync(EngineHarness engine, string arn)
    {
        var redrive = () => engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
        return (await redrive.Should().ThrowAsync<ExecutionNotRedrivableException>()).Which;
    }
}
