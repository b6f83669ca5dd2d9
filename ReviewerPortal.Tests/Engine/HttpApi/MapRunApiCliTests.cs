using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Engine.MapRuns;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.StepFunctions;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>The AWS CLI and the portal's own client list, describe and update Map Runs through the local HTTP API.</summary>
[Trait("Category", "Slow")]
public sealed class MapRunApiCliTests : IAsyncLifetime
{
    private const string Hold = """
        {"StartAt":"Hold","States":{"Hold":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"hold","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
        """;

    private readonly TempDirectory objects = new("map-run-cli");
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EngineHarness engine = null!;
    private ApiServer api = null!;

    public async Task InitializeAsync()
    {
        engine = EngineHarness.WithObjects(objects.Path, functions: [new LocalFunction("hold", async (payload, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return payload;
        })]);
        api = await ApiServer.StartAsync(engine.Api);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await engine.DisposeAsync();
        objects.Dispose();
    }

    [Fact]
    public async Task The_AWS_CLI_lists_describes_and_updates_a_running_Map_Run_and_lists_its_children()
    {
        var definition = DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1,\"ToleratedFailurePercentage\":10", "STANDARD", Hold);
        var machine = (await CliAsync("create-state-machine", "--name", "backfill", "--definition", definition, "--role-arn", "arn:aws:iam::123456789012:role/backfill"))
            .GetProperty("stateMachineArn").GetString()!;
        var execution = (await CliAsync("start-execution", "--state-machine-arn", machine, "--input", """{"items":[1,2,3]}""")).GetProperty("executionArn").GetString()!;
        var mapRunArn = (await engine.WaitForEventAsync(execution, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Running == 1);

        var listed = await CliAsync("list-map-runs", "--execution-arn", execution);
        listed.GetProperty("mapRuns")[0].GetProperty("mapRunArn").GetString().Should().Be(mapRunArn);
        var described = await CliAsync("describe-map-run", "--map-run-arn", mapRunArn);
        described.GetProperty("status").GetString().Should().Be("RUNNING");
        described.GetProperty("maxConcurrency").GetInt32().Should().Be(1);
        described.GetProperty("toleratedFailurePercentage").GetDouble().Should().Be(10);
        described.GetProperty("itemCounts").GetProperty("pending").GetInt64().Should().Be(2);
        described.GetProperty("itemCounts").GetProperty("running").GetInt64().Should().Be(1);

        await CliAsync("update-map-run", "--map-run-arn", mapRunArn, "--max-concurrency", "3");
        var client = TestClients.StepFunctions(api.Address);
        var updated = await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Running == 3);
        (await client.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn })).MaxConcurrency.Should().Be(3);
        updated.ItemCounts!.Pending.Should().Be(0);

        release.SetResult();
        (await engine.RunToEndAsync(execution)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
        var children = await CliAsync("list-executions", "--map-run-arn", mapRunArn);
        children.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("status").GetString()).Should().Equal("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        var child = children.GetProperty("executions")[0].GetProperty("executionArn").GetString()!;
        (await CliAsync("describe-execution", "--execution-arn", child)).GetProperty("mapRunArn").GetString().Should().Be(mapRunArn);
        var ended = await CliAsync("describe-map-run", "--map-run-arn", mapRunArn);
        ended.GetProperty("status").GetString().Should().Be("SUCCEEDED");
        ended.GetProperty("executionCounts").GetProperty("succeeded").GetInt64().Should().Be(3);
    }

    private async Task<JsonElement> CliAsync(params string[] arguments)
    {
        var result = await AwsCli.StepFunctionsAsync(api.Address, arguments);
        result.ExitCode.Should().Be(0, $"aws stepfunctions {arguments[0]} failed:\n{result.Stderr}");
        return string.IsNullOrWhiteSpace(result.Stdout) ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
