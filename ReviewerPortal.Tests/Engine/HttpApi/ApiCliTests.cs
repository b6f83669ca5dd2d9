using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>The AWS CLI and boto3 of this machine, unmodified, drive the local engine through its HTTP API.</summary>
[Trait("Category", "Slow")]
public sealed class ApiCliTests : IAsyncLifetime
{
    private EngineOverHttp _local = null!;

    public async Task InitializeAsync() => _local = await EngineOverHttp.StartAsync();

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task The_AWS_CLI_creates_starts_lists_describes_pages_history_and_approves_a_review()
    {
        var created = await CliAsync("create-state-machine", "--name", "review", "--definition", EngineOverHttp.ReviewDefinition, "--role-arn", EngineOverHttp.RoleArn);
        var machine = created.GetProperty("stateMachineArn").GetString()!;
        var started = await CliAsync("start-execution", "--state-machine-arn", machine, "--name", "case-1", "--input", """{"caseId":"C-1"}""");
        var execution = started.GetProperty("executionArn").GetString()!;
        var startedAgain = await CliAsync("start-execution", "--state-machine-arn", machine, "--name", "case-1", "--input", """{"caseId":"C-1"}""");
        startedAgain.GetProperty("executionArn").GetString().Should().Be(execution, "StartExecution is idempotent by name and input");
        var token = await _local.TokenOfAsync(execution);

        var running = await CliAsync("list-executions", "--state-machine-arn", machine, "--status-filter", "RUNNING");
        running.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("name").GetString()).Should().Equal("case-1");

        (await CliAsync("send-task-heartbeat", "--task-token", token)).EnumerateObject().Should().BeEmpty();
        await CliAsync("send-task-success", "--task-token", token, "--task-output", """{"decision":"approved"}""");
        await _local.Engine.RunToEndAsync(execution);

        var described = await CliAsync("describe-execution", "--execution-arn", execution);
        described.GetProperty("status").GetString().Should().Be("SUCCEEDED");
        JsonNode.Parse(described.GetProperty("output").GetString()!)!["decision"]!["decision"]!.GetValue<string>().Should().Be("approved");

        // --page-size 2 makes the CLI fetch the history two events at a time, following nextToken to the end.
        var history = await CliAsync("get-execution-history", "--execution-arn", execution, "--reverse-order", "--page-size", "2");
        var ids = history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        ids.Should().HaveCountGreaterThan(2).And.BeInDescendingOrder();
        ids[^1].Should().Be(1);
        history.GetProperty("events")[0].GetProperty("type").GetString().Should().Be("ExecutionSucceeded");

        var twice = await AwsCli.StepFunctionsAsync(_local.Address, "send-task-success", "--task-token", token, "--task-output", "{}");
        twice.ExitCode.Should().NotBe(0);
        twice.Stderr.Should().Contain("(TaskTimedOut)");
    }

    [Fact]
    public async Task The_AWS_CLI_rejects_stops_and_validates()
    {
        var review = (await CliAsync("create-state-machine", "--name", "review", "--definition", EngineOverHttp.ReviewDefinition, "--role-arn", EngineOverHttp.RoleArn))
            .GetProperty("stateMachineArn").GetString()!;
        var hold = (await CliAsync("create-state-machine", "--name", "hold", "--definition", EngineOverHttp.HoldDefinition, "--role-arn", EngineOverHttp.RoleArn))
            .GetProperty("stateMachineArn").GetString()!;
        var rejected = (await CliAsync("start-execution", "--state-machine-arn", review, "--name", "case-2", "--input", """{"caseId":"C-2"}""")).GetProperty("executionArn").GetString()!;
        var held = (await CliAsync("start-execution", "--state-machine-arn", hold, "--name", "held", "--input", "{}")).GetProperty("executionArn").GetString()!;

        await CliAsync("send-task-failure", "--task-token", await _local.TokenOfAsync(rejected), "--error", "ClinicianRejected", "--cause", "Wrong laterality");
        await _local.Engine.RunToEndAsync(rejected);
        var stopped = await CliAsync("stop-execution", "--execution-arn", held, "--error", "Superseded", "--cause", "Case withdrawn");

        stopped.GetProperty("stopDate").GetDecimal().Should().BeGreaterThan(0);
        (await CliAsync("describe-execution", "--execution-arn", rejected)).GetProperty("error").GetString().Should().Be("ClinicianRejected");
        (await CliAsync("list-executions", "--state-machine-arn", hold, "--status-filter", "ABORTED"))
            .GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("executionArn").GetString()).Should().Equal(held);

        var ok = await CliAsync("validate-state-machine-definition", "--definition", EngineOverHttp.PassDefinition);
        var fail = await CliAsync("validate-state-machine-definition", "--definition", """{"StartAt":"Missing","States":{"A":{"Type":"Pass","End":true}}}""");
        ok.GetProperty("result").GetString().Should().Be("OK");
        fail.GetProperty("result").GetString().Should().Be("FAIL");
        fail.GetProperty("diagnostics").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Boto3_pages_executions_and_history_and_catches_TaskTimedOut_as_its_modelled_exception()
    {
        var review = (await _local.Client.CreateStateMachineAsync(new() { Name = "review", Definition = EngineOverHttp.ReviewDefinition, RoleArn = EngineOverHttp.RoleArn })).StateMachineArn!;
        var executions = new List<string>();
        foreach (var name in new[] { "case-1", "case-2", "case-3" })
        {
            executions.Add((await _local.Client.StartExecutionAsync(new() { StateMachineArn = review, Name = name, Input = $$"""{"caseId":"{{name}}"}""" })).ExecutionArn!);
        }

        var token = await _local.TokenOfAsync(executions[0]);
        await _local.Client.SendTaskSuccessAsync(new() { TaskToken = token, Output = """{"decision":"approved"}""" });
        await _local.Engine.RunToEndAsync(executions[0]);

        var script = $$"""
            import json, os, boto3
            sfn = boto3.client("stepfunctions", endpoint_url=os.environ["ENDPOINT"])
            pages = list(sfn.get_paginator("list_executions").paginate(stateMachineArn="{{review}}", statusFilter="RUNNING", PaginationConfig={"PageSize": 1}))
            history = [e for p in sfn.get_paginator("get_execution_history").paginate(executionArn="{{executions[0]}}", PaginationConfig={"PageSize": 2}) for e in p["events"]]
            try:
                sfn.send_task_success(taskToken="{{token}}", output="{}")
                second = "accepted"
            except sfn.exceptions.TaskTimedOut as e:
                second = e.response["Error"]["Code"]
            print(json.dumps({
                "pages": len(pages),
                "running": sorted(e["name"] for p in pages for e in p["executions"]),
                "ids": [e["id"] for e in history],
                "startedIsDatetime": hasattr(history[0]["timestamp"], "year"),
                "second": second,
            }))
            """;
        var result = await AwsCli.Boto3Async(_local.Address, script);

        result.ExitCode.Should().Be(0, result.Stderr);
        using var printed = JsonDocument.Parse(result.Stdout);
        var root = printed.RootElement;
        root.GetProperty("pages").GetInt32().Should().Be(2);
        root.GetProperty("running").EnumerateArray().Select(e => e.GetString()).Should().Equal("case-2", "case-3");
        var ids = root.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()).ToList();
        ids.Should().Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i)).And.HaveCountGreaterThan(2);
        root.GetProperty("startedIsDatetime").GetBoolean().Should().BeTrue();
        root.GetProperty("second").GetString().Should().Be("TaskTimedOut");
        (await _local.Client.DescribeExecutionAsync(new() { ExecutionArn = executions[0] })).Status.Should().Be(ExecutionStatus.SUCCEEDED);
    }

    private async Task<JsonElement> CliAsync(params string[] arguments)
    {
        var result = await AwsCli.StepFunctionsAsync(_local.Address, arguments);
        result.ExitCode.Should().Be(0, $"aws stepfunctions {arguments[0]} failed:\n{result.Stderr}");
        return string.IsNullOrWhiteSpace(result.Stdout) ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
