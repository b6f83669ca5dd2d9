using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>Distributed Map: child executions, the Map Run's counts and events, and the API that shows them.</summary>
public sealed class DistributedMapTests : IDisposable
{
    private readonly TempDirectory folder = new("distributed-map");

    [Fact]
    public async Task Express_children_return_their_outputs_in_item_order_and_the_Map_Run_counts_them()
    {
        await using var engine = EngineHarness.WithObjects(folder.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("""
            "ItemsPath":"$.items","ItemSelector":{"value.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index"},"Label":"Scores"
            """), "scoring");
        var arn = await engine.StartAsync(machine, """{"items":["a","b","c"]}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        JsonNode.DeepEquals(EngineHarness.Json(done.Output), JsonNode.Parse("""[{"value":"a","index":0},{"value":"b","index":1},{"value":"c","index":2}]""")).Should().BeTrue(done.Output);
        var types = (await engine.HistoryAsync(arn)).Select(e => e.Type).ToList();
        types.Should().ContainInOrder("MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited");
        var mapRun = (await engine.Api.ListMapRunsAsync(new ListMapRunsRequest { ExecutionArn = arn })).MapRuns.Should().ContainSingle().Subject;
        mapRun.MapRunArn.Should().StartWith("arn:aws:states:us-east-1:123456789012:mapRun:scoring/Scores:");
        mapRun.StateMachineArn.Should().Be("arn:aws:states:us-east-1:123456789012:stateMachine:scoring/Scores");
        var described = await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRun.MapRunArn });
        described.Status.Should().Be("SUCCEEDED");
        described.ItemCounts!.Succeeded.Should().Be(3);
        described.ItemCounts.Total.Should().Be(3);
        described.ItemCounts.Pending.Should().Be(0);
        described.ExecutionCounts!.Succeeded.Should().Be(3);
        described.StopDate.Should().NotBeNull();
    }

    [Fact]
    public async Task Standard_children_are_executions_with_their_own_history_listed_under_the_Map_Run()
    {
        await using var engine = EngineHarness.WithObjects(folder.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\"", "STANDARD"), "backfill");
        var arn = await engine.StartAsync(machine, """{"items":[{"id":1},{"id":2}]}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        var mapRunArn = (await engine.Api.ListMapRunsAsync(new ListMapRunsRequest { ExecutionArn = arn })).MapRuns.Single().MapRunArn;
        var children = (await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { MapRunArn = mapRunArn })).Executions;
        children.Should().HaveCount(2).And.OnlyContain(c => c.Status == ExecutionStatus.SUCCEEDED && c.MapRunArn == mapRunArn);
        children.Should().OnlyContain(c => c.ExecutionArn!.StartsWith("arn:aws:states:us-east-1:123456789012:execution:backfill/Batch:", StringComparison.Ordinal));
        var child = await engine.DescribeAsync(children[0].ExecutionArn!);
        child.MapRunArn.Should().Be(mapRunArn);
        child.StateMachineArn.Should().Be("arn:aws:states:us-east-1:123456789012:stateMachine:backfill/Batch");
        (await engine.HistoryAsync(child.ExecutionArn!)).Select(e => e.Type).Should().StartWith(["ExecutionStarted"]).And.EndWith(["ExecutionSucceeded"]);
    }

    [Fact]
    public async Task Without_a_tolerance_one_failed_child_fails_the_Map_Run_with_ExceedToleratedFailureThreshold()
    {
        await using var engine = EngineHarness.WithObjects(folder.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1"));
        var arn = await engine.StartAsync(machine, """{"items":[{},{"fail":true},{},{}]}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.FAILED);
        done.Error.Should().Be("States.ExceedToleratedFailureThreshold");
        var history = await engine.HistoryAsync(arn);
        history.Should().Contain(e => e.Type == "MapRunFailed" && e.MapRunFailedEventDetails!.Error == "States.ExceedToleratedFailureThreshold");
        var mapRunArn = history.Single(e => e.Type == "MapRunStarted").MapRunStartedEventDetails!.MapRunArn;
        var described = await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });
        described.Status.Should().Be("FAILED");
        described.ItemCounts!.Failed.Should().Be(1);
        described.ItemCounts.Succeeded.Should().Be(1, "one at a time: the item after the failure never started");
        described.ItemCounts.Pending.Should().Be(2);
    }

    [Theory]
    [InlineData("\"ToleratedFailureCount\":2", "SUCCEEDED")]
    [InlineData("\"ToleratedFailureCount\":1", "FAILED")]
    [InlineData("\"ToleratedFailurePercentage\":50", "SUCCEEDED")]
    [InlineData("\"ToleratedFailurePercentage\":40", "FAILED")]
    [InlineData("\"ToleratedFailureCountPath\":\"$.tolerated\"", "SUCCEEDED")]
    [InlineData("\"ToleratedFailurePercentagePath\":\"$.percent\"", "FAILED")]
    public async Task Tolerated_failures_decide_whether_two_failures_in_four_items_fail_the_Map_Run(string tolerance, string status)
    {
        await using var engine = EngineHarness.WithObjects(folder.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\"," + tolerance));
        var arn = await engine.StartAsync(machine, """{"items":[{"fail":true},{},{"fail":true},{}],"tolerated":2,"percent":25}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status!.Value.Should().Be(status, done.Cause);
        if (status == "SUCCEEDED")
        {
            var output = EngineHarness.Json(done.Output)!.AsArray();
            output.Should().HaveCount(4);
            output[0]!["Error"]!.GetValue<string>().Should().Be("ItemFailed");
        }
        else
        {
            done.Error.Should().Be("States.ExceedToleratedFailureThreshold");
        }
    }

    [Fact]
    public async Task ItemBatcher_groups_items_by_count_and_adds_the_BatchInput()
    {
        await using var engine = EngineHarness.WithObjects(folder.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("""
            "ItemsPath":"$.items","ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"run.$":"$.run"}}
            """));
        var arn = await engine.StartAsync(machine, """{"run":"r1","items":[1,2,3,4,5]}""");

        var done = await engine.RunToEndAsync(arn);

        JsonNode.DeepEquals(EngineHarness.Json(done.Output), JsonNode.Parse("""
            [{"BatchInput":{"run":"r1"},"Items":[1,2]},{"BatchInput":{"run":"r1"},"Items":[3,4]},{"BatchInput":{"run":"r1"},"Items":[5]}]
            """)).Should().BeTrue(done.Output);
        var mapRunArn = (await engine.HistoryAsync(arn)).Single(e => e.Type == "MapRunStarted").MapRunStartedEventDetails!.MapRunArn;
        var described = await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });
        described.ItemCounts!.Succeeded.Should().Be(5);
        described.ExecutionCounts!.Succeeded.Should().Be(3);
    }

    [Fact]
    public async Task ItemBatcher_starts_a_new_batch_before_MaxInputBytesPerBatch_is_exceeded()
    {
        await using var engine = EngineHarness.WithObjects(folder.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("""
            "ItemsPath":"$.items","ItemBatcher":{"MaxInputBytesPerBatch":40}
            """));
        var arn = await engine.StartAsync(machine, """{"items":["aaaaaaaaaa","bbbbbbbbbb","cccccccccc","dddddddddd"]}""");

        var done = await engine.RunToEndAsync(arn);

        var batches = EngineHarness.Json(done.Output)!.AsArray();
        batches.Should().HaveCountGreaterThan(1);
        batches.Should().OnlyContain(b => System.Text.Encoding.UTF8.GetByteCount(b!.ToJsonString()) <= 40);
        batches.SelectMany(b => b!["Items"]!.AsArray()).Select(i => i!.GetValue<string>()).Should().Equal("aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd");
    }

    [Fact]
    public async Task Stopping_the_parent_aborts_the_Map_Run_and_its_running_Standard_children()
    {
        var release = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = EngineHarness.WithObjects(folder.Path, functions: [new("hold", (_, ct) => release.Task.WaitAsync(ct))]);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\"", "STANDARD", """
            {"StartAt":"Hold","States":{"Hold":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"hold"},"End":true}}}
            """));
        var arn = await engine.StartAsync(machine, """{"items":[1,2]}""");
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn;
        await MapRunWaits.UntilAsync(engine, mapRunArn!, d => d.ExecutionCounts!.Running == 2);

        await engine.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn });
        var children = await MapRunWaits.UntilChildrenAsync(engine, mapRunArn!, c => c.All(e => e.Status == ExecutionStatus.ABORTED));

        children.Should().HaveCount(2);
        (await engine.DescribeAsync(arn)).Status.Should().Be(ExecutionStatus.ABORTED);
        var described = await MapRunWaits.UntilAsync(engine, mapRunArn!, d => d.Status != "RUNNING");
        described.Status.Should().Be("ABORTED");
        described.ExecutionCounts!.Aborted.Should().Be(2);
    }

    [Fact]
    public async Task A_JSONata_Distributed_Map_reads_Items_and_ItemSelector_as_expressions()
    {
        await using var engine = EngineHarness.WithObjects(folder.Path);
        var machine = await engine.CreateAsync("""
            {"QueryLanguage":"JSONata","StartAt":"Batch","States":{"Batch":{"Type":"Map","End":true,
              "Items":"{% $states.input.studies %}",
              "ItemSelector":{"study":"{% $states.context.Map.Item.Value %}","position":"{% $states.context.Map.Item.Index + 1 %}"},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Echo",
                "States":{"Echo":{"Type":"Pass","Output":"{% $states.input.study & '#' & $string($states.input.position) %}","End":true}}}}}}
            """);
        var arn = await engine.StartAsync(machine, """{"studies":["s1","s2"]}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        JsonNode.DeepEquals(EngineHarness.Json(done.Output), JsonNode.Parse("""["s1#1","s2#2"]""")).Should().BeTrue(done.Output);
    }

    public void Dispose() => folder.Dispose();
}
