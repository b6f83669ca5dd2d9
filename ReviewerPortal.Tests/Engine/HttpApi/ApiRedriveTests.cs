using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>RedriveExecution over the JSON 1.0 API: our SDK-shaped client and the AWS CLI redrive a rejected review.</summary>
[Trait("Category", "Slow")]
public sealed class ApiRedriveTests : IAsyncLifetime
{
    private EngineOverHttp _local = null!;

    public async Task InitializeAsync() => _local = await EngineOverHttp.StartAsync();

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task Our_client_redrives_a_rejected_review_which_asks_the_gate_again_and_then_succeeds()
    {
        var client = _local.Client;
        var machine = (await client.CreateStateMachineAsync(new() { Name = "review", Definition = EngineOverHttp.ReviewDefinition, RoleArn = EngineOverHttp.RoleArn })).StateMachineArn;
        var started = await client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "case-redrive", Input = """{"caseId":"C-3"}""" });
        var running = () => client.RedriveExecutionAsync(new() { ExecutionArn = started.ExecutionArn });
        (await running.Should().ThrowAsync<ExecutionNotRedrivableException>()).Which.Message.Should().Be("Execution is RUNNING and cannot be redriven");

        await client.SendTaskFailureAsync(new() { TaskToken = await _local.TokenOfAsync(started.ExecutionArn!), Error = "DraftUnavailable", Cause = "model outage" });
        await _local.Engine.RunToEndAsync(started.ExecutionArn!);
        var redrive = await client.RedriveExecutionAsync(new() { ExecutionArn = started.ExecutionArn, ClientToken = "ops-1" });
        await WaitForAsync(() => _local.Gate.Calls.Count(c => c.ExecutionArn == started.ExecutionArn) == 2);
        var retried = _local.Gate.Calls.Last(c => c.ExecutionArn == started.ExecutionArn);
        await client.SendTaskSuccessAsync(new() { TaskToken = retried.TaskToken, Output = """{"decision":"approved"}""" });
        await _local.Engine.RunToEndAsync(started.ExecutionArn!);

        var described = await client.DescribeExecutionAsync(new() { ExecutionArn = started.ExecutionArn });
        described.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        described.RedriveCount.Should().Be(1);
        described.RedriveDate.Should().BeCloseTo(redrive.RedriveDate, TimeSpan.FromMilliseconds(1), "dates cross the wire as epoch seconds with milliseconds");
        described.RedriveStatus.Should().Be("NOT_REDRIVABLE");
        described.RedriveStatusReason.Should().Be("Execution is SUCCEEDED and cannot be redriven.");
        var listed = await client.ListExecutionsAsync(new() { StateMachineArn = machine, RedriveFilter = "REDRIVEN" });
        listed.Executions.Should().ContainSingle().Which.RedriveCount.Should().Be(1);
    }

    [Fact]
    public async Task The_AWS_CLI_redrives_a_failed_execution_and_sees_the_redrive_in_describe_list_and_history()
    {
        var machine = (await CliAsync("create-state-machine", "--name", "review", "--definition", EngineOverHttp.ReviewDefinition, "--role-arn", EngineOverHttp.RoleArn))
            .GetProperty("stateMachineArn").GetString()!;
        var execution = (await CliAsync("start-execution", "--state-machine-arn", machine, "--name", "case-cli", "--input", """{"caseId":"C-4"}""")).GetProperty("executionArn").GetString()!;
        var token = await _local.TokenOfAsync(execution);

        var refused = await AwsCli.StepFunctionsAsync(_local.Address, "redrive-execution", "--execution-arn", execution);
        refused.ExitCode.Should().NotBe(0);
        refused.Stderr.Should().Contain("(ExecutionNotRedrivable)").And.Contain("Execution is RUNNING and cannot be redriven");

        await CliAsync("send-task-failure", "--task-token", token, "--error", "ClinicianRejected", "--cause", "Wrong laterality");
        await _local.Engine.RunToEndAsync(execution);
        (await CliAsync("describe-execution", "--execution-arn", execution)).GetProperty("redriveStatus").GetString().Should().Be("REDRIVABLE");
        var redriven = await CliAsync("redrive-execution", "--execution-arn", execution);
        redriven.TryGetProperty("redriveDate", out _).Should().BeTrue();

        var described = await CliAsync("describe-execution", "--execution-arn", execution);
        described.GetProperty("status").GetString().Should().Be("RUNNING");
        described.GetProperty("redriveCount").GetInt32().Should().Be(1);
        described.GetProperty("redriveStatusReason").GetString().Should().Be("Execution is RUNNING and cannot be redriven.");
        var listed = await CliAsync("list-executions", "--state-machine-arn", machine, "--redrive-filter", "REDRIVEN");
        listed.GetProperty("executions")[0].GetProperty("redriveCount").GetInt32().Should().Be(1);
        var history = await CliAsync("get-execution-history", "--execution-arn", execution);
        var redrivenEvent = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "ExecutionRedriven");
        redrivenEvent.GetProperty("executionRedrivenEventDetails").GetProperty("redriveCount").GetInt32().Should().Be(1);
        JsonNode.Parse(described.GetProperty("input").GetString()!)!["caseId"]!.GetValue<string>().Should().Be("C-4", "a redrive keeps the input");
    }

    private async Task<JsonElement> CliAsync(params string[] arguments)
    {
        var result = await AwsCli.StepFunctionsAsync(_local.Address, arguments);
        result.ExitCode.Should().Be(0, $"aws stepfunctions {arguments[0]} failed:\n{result.Stderr}");
        return string.IsNullOrWhiteSpace(result.Stdout) ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
