using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>
/// Redriving a parent whose Map Run failed redrives that Map Run: only its failed and never-started children run again
/// (a Standard child is redriven, an Express one started over), with the Map Run's counts, redrive count and results
/// right — in memory, and durable across a restart in the middle of the redriven Map Run.
/// </summary>
public sealed class MapRunRedriveTests : IDisposable
{
    // Items 0–5 one at a time; one failure is tolerated, so item 2 fails within tolerance, item 4 past it, 5 never starts.
    private const string Input = """{"items":[{"n":0},{"n":1},{"n":2},{"n":3},{"n":4},{"n":5}]}""";

    private readonly TempDirectory folder = new("map-run-redrive");

    [Theory]
    [InlineData("STANDARD")]
    [InlineData("EXPRESS")]
    public async Task Redriving_the_parent_runs_only_the_failed_and_never_started_items_again(string executionType)
    {
        var work = new MapRunItemWork { Broken = new HashSet<int> { 2, 4 } };
        await using var engine = EngineHarness.WithObjects(folder.File("objects"), functions: [work.Function]);
        var arn = await engine.StartAsync(await engine.CreateAsync(Definition(executionType), "backfill"), Input);
        var failed = await engine.RunToEndAsync(arn);
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;

        failed.Status.Should().Be(ExecutionStatus.FAILED);
        failed.Error.Should().Be("States.ExceedToleratedFailureThreshold");
        var beforeRedrive = await DescribeAsync(engine, mapRunArn);
        beforeRedrive.ItemCounts!.Succeeded.Should().Be(3);
        beforeRedrive.ItemCounts.Failed.Should().Be(2);
        beforeRedrive.ItemCounts.Pending.Should().Be(1);
        work.Completed.Should().Equal(new Dictionary<int, int> { [0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1 });

        work.Broken = new HashSet<int>();
        await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        work.Completed.Should().Equal(new Dictionary<int, int> { [0] = 1, [1] = 1, [2] = 2, [3] = 1, [4] = 2, [5] = 1 }, "only the failed items and the one never started run again");
        await ShouldHaveEndedRedrivenAsync(engine, arn, mapRunArn);
        SucceededResults(EngineHarness.Json(done.Output)!).Should().Equal(0, 1, 2, 3, 4, 5);
        if (executionType == "STANDARD")
        {
            var redrives = await ChildRedriveCountsAsync(engine, mapRunArn);
            redrives.Should().Equal(new Dictionary<int, int> { [0] = 0, [1] = 0, [2] = 1, [3] = 0, [4] = 1, [5] = 0 }, "a failed Standard child is redriven, not started again");
        }
    }

    [Theory]
    [InlineData("STANDARD")]
    [InlineData("EXPRESS")]
    public async Task A_redriven_Map_Run_interrupted_by_a_restart_finishes_without_running_anything_twice(string executionType)
    {
        var database = folder.File("engine.db");
        var time = new ManualTimeProvider();
        var before = new MapRunItemWork { Broken = new HashSet<int> { 2, 4 } };
        string arn;
        string mapRunArn;
        await using (var first = EngineHarness.WithObjects(folder.File("objects"), database, time, [before.Function]))
        {
            arn = await first.StartAsync(await first.CreateAsync(Definition(executionType), "backfill"), Input);
            (await first.RunToEndAsync(arn)).Status.Should().Be(ExecutionStatus.FAILED);
            mapRunArn = (await first.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;

            // The cause is fixed, but item 4 is still in flight when the engine stops.
            before.Broken = new HashSet<int>();
            before.Hold = 4;
            await first.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
            await MapRunWaits.UntilAsync(first, mapRunArn, d => d.RedriveCount == 1 && d.ExecutionCounts!.Running == 1 && d.ItemCounts!.Succeeded == 4);
        }

        var after = new MapRunItemWork();
        await using var second = EngineHarness.WithObjects(folder.File("objects"), database, time, [after.Function]);
        await second.Engine.RecoverAsync();
        var done = await second.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        before.Completed.Should().Equal(new Dictionary<int, int> { [0] = 1, [1] = 1, [2] = 2, [3] = 1, [4] = 1 });
        after.Completed.Should().Equal(new Dictionary<int, int> { [4] = 1, [5] = 1 }, "what the redrive finished before the restart is not run again");
        await ShouldHaveEndedRedrivenAsync(second, arn, mapRunArn);
        SucceededResults(EngineHarness.Json(done.Output)!).Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task A_Standard_child_past_its_own_redrive_window_is_not_redriven_and_counts_as_not_redrivable()
    {
        // Item 0 fails at once; item 1 waits 15 days; item 2 then fails past the tolerance of one. By then item 0's
        // child ended more than 14 days ago: redriving the parent cannot redrive it.
        var work = new MapRunItemWork { Broken = new HashSet<int> { 0, 2 } };
        await using var engine = EngineHarness.WithObjects(folder.File("objects"), functions: [work.Function]);
        const string processor = """
            {"StartAt":"Later","States":{
              "Later":{"Type":"Choice","Choices":[{"Variable":"$.wait","IsPresent":true,"Next":"Wait"}],"Default":"Work"},
              "Wait":{"Type":"Wait","Seconds":1296000,"Next":"Work"},
              "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
            """;
        var definition = DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1,\"ToleratedFailureCount\":1", "STANDARD", processor);
        var arn = await engine.StartAsync(await engine.CreateAsync(definition, "slow"), """{"items":[{"n":0},{"n":1,"wait":true},{"n":2}]}""");
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Failed == 1 && d.ExecutionCounts.Running == 1);
        engine.Time.Advance(TimeSpan.FromDays(15));
        (await engine.RunToEndAsync(arn)).Status.Should().Be(ExecutionStatus.FAILED);

        work.Broken = new HashSet<int>();
        await engine.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn });
        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, "the one failure left is within the tolerance");
        work.Completed.Should().Equal(new Dictionary<int, int> { [0] = 1, [1] = 1, [2] = 2 });
        var described = await DescribeAsync(engine, mapRunArn);
        described.ExecutionCounts!.Failed.Should().Be(1);
        described.ExecutionCounts.Succeeded.Should().Be(2);
        described.ExecutionCounts.FailuresNotRedrivable.Should().Be(1);
        described.ItemCounts!.FailuresNotRedrivable.Should().Be(1);
        (await ChildRedriveCountsAsync(engine, mapRunArn)).Should().Equal(new Dictionary<int, int> { [0] = 0, [1] = 0, [2] = 1 });
    }

    private static async Task ShouldHaveEndedRedrivenAsync(EngineHarness engine, string arn, string mapRunArn)
    {
        var described = await DescribeAsync(engine, mapRunArn);
        described.Status.Should().Be("SUCCEEDED");
        described.RedriveCount.Should().Be(1);
        described.RedriveDate.Should().NotBeNull();
        described.ItemCounts!.Succeeded.Should().Be(6);
        described.ItemCounts.Failed.Should().Be(0);
        described.ItemCounts.Pending.Should().Be(0);
        described.ItemCounts.PendingRedrive.Should().Be(0);
        described.ItemCounts.FailuresNotRedrivable.Should().Be(0);
        described.ItemCounts.ResultsWritten.Should().Be(6);
        described.ExecutionCounts!.Succeeded.Should().Be(6);
        described.ExecutionCounts.Total.Should().Be(6);

        var history = await engine.HistoryAsync(arn);
        history.Count(e => e.Type == "MapRunStarted").Should().Be(1);
        var redriven = history.Should().ContainSingle(e => e.Type == "MapRunRedriven").Subject;
        redriven.MapRunRedrivenEventDetails!.MapRunArn.Should().Be(mapRunArn, "the redrive runs the same Map Run, not a new one");
        redriven.MapRunRedrivenEventDetails.RedriveCount.Should().Be(1);
        history.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    private static Task<DescribeMapRunResponse> DescribeAsync(EngineHarness engine, string mapRunArn) =>
        engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });

    /// <summary>The items in SUCCEEDED_0.json, which the ResultWriter wrote after the redrive; FAILED_0.json is gone from the manifest.</summary>
    private List<int> SucceededResults(JsonNode output)
    {
        var manifest = Read("results/" + output["ResultWriterDetails"]!["Key"]!.GetValue<string>());
        manifest["ResultFiles"]!["FAILED"]!.AsArray().Should().BeEmpty();
        manifest["ResultFiles"]!["PENDING"]!.AsArray().Should().BeEmpty();
        var file = manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>();
        return [.. Read("results/" + file).AsArray().Select(r => JsonNode.Parse(r!["Output"]!.GetValue<string>())!["n"]!.GetValue<int>())];
    }

    private static async Task<SortedDictionary<int, int>> ChildRedriveCountsAsync(EngineHarness engine, string mapRunArn)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var child in (await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { MapRunArn = mapRunArn })).Executions)
        {
            var described = await engine.DescribeAsync(child.ExecutionArn!);
            counts[JsonNode.Parse(described.Input!)!["n"]!.GetValue<int>()] = described.RedriveCount ?? 0;
        }

        return counts;
    }

    private JsonNode Read(string relativePath) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder.File("objects"), relativePath)))!;

    private static string Definition(string executionType) => DistributedMapDefinitions.Map(
        """
        "ItemsPath":"$.items","MaxConcurrency":1,"ToleratedFailureCount":1,
        "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"backfill"}}
        """,
        executionType,
        MapRunItemWork.Processor);

    public void Dispose() => folder.Dispose();
}
