using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>What a Distributed Map's children may not do: outlive their parent's timeout, or wait for a callback as Express children.</summary>
public sealed class MapRunLimitsTests
{
    private const string HoldAnHour = """{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""";

    private const string Callback = """
        {"StartAt":"Outer","States":{"Outer":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters":{"FunctionName":"ask","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}]}}}
        """;

    [Fact]
    public async Task A_parent_that_times_out_stops_its_Standard_children_and_aborts_its_Map_Run()
    {
        await using var engine = EngineHarness.InMemory();
        var definition = JsonNode.Parse(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\"", "STANDARD", HoldAnHour))!.AsObject();
        definition["TimeoutSeconds"] = 10;
        var arn = await engine.StartAsync(await engine.CreateAsync(definition.ToJsonString(), "timed"), """{"items":[1,2,3]}""");
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Running == 3);

        engine.Time.Advance(TimeSpan.FromSeconds(11));
        var ended = await engine.RunToEndAsync(arn);

        ended.Status.Should().Be(ExecutionStatus.TIMED_OUT);
        var children = await MapRunWaits.UntilChildrenAsync(engine, mapRunArn, c => c.All(e => e.Status?.Value != "RUNNING"));
        children.Should().HaveCount(3).And.OnlyContain(c => c.Status!.Value == "ABORTED", "a timed-out parent's children do not run on for the rest of their hour");
        var described = await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });
        described.Status.Should().Be("ABORTED");
        described.ExecutionCounts!.Aborted.Should().Be(3);
        described.ExecutionCounts.Running.Should().Be(0);
    }

    [Fact]
    public async Task A_callback_anywhere_inside_an_Express_child_is_refused_when_the_state_machine_is_created()
    {
        await using var engine = EngineHarness.InMemory();

        var create = () => engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\"", "EXPRESS", Callback), "express-callback");

        var refused = (await create.Should().ThrowAsync<InvalidDefinitionException>()).Which;
        refused.Message.Should().Contain("SCHEMA_VALIDATION_FAILED")
            .And.Contain("Express state machine does not support '.waitForTaskToken' service integration")
            .And.Contain("/States/Batch/ItemProcessor/States/Outer/Branches[0]/States/Ask/Resource");
    }

    [Fact]
    public async Task A_callback_inside_a_Standard_child_is_accepted()
    {
        await using var engine = EngineHarness.InMemory();

        var arn = await engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\"", "STANDARD", Callback), "standard-callback");

        arn.Should().EndWith(":standard-callback");
    }
}
