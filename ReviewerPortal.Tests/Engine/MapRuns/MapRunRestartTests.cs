using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>A durable engine stopped in the middle of a Map Run resumes it: finished children are not run again, and the counts come out right.</summary>
public sealed class MapRunRestartTests : IDisposable
{
    private const string Work = """
        {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
        """;

    private readonly TempDirectory folder = new("map-run-restart");

    [Theory]
    [InlineData("STANDARD")]
    [InlineData("EXPRESS")]
    public async Task A_Map_Run_interrupted_by_a_restart_finishes_with_every_item_processed_once_after_it(string executionType)
    {
        var database = folder.File("engine.db");
        var time = new ManualTimeProvider();
        var definition = DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\",\"MaxConcurrency\":2", executionType, Work);
        var input = """{"items":[{"n":0},{"n":1},{"n":2},{"n":3,"hold":true},{"n":4,"hold":true},{"n":5}]}""";
        var before = new ConcurrentBag<int>();
        string arn;
        string mapRunArn;
        await using (var first = EngineHarness.WithObjects(folder.File("objects"), database, time, [new LocalFunction("work", async (payload, ct) =>
        {
            if (payload?["hold"] is not null)
            {
                // Held until the engine shuts down: these children are unfinished at the restart.
                await Task.Delay(Timeout.Infinite, ct);
            }

            before.Add(payload!["n"]!.GetValue<int>());
            return payload;
        })]))
        {
            arn = await first.StartAsync(await first.CreateAsync(definition, "backfill"), input);
            mapRunArn = (await first.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
            await MapRunWaits.UntilAsync(first, mapRunArn, d => d.ExecutionCounts!.Running == 2 && d.ExecutionCounts.Succeeded == 3);
        }

        var after = new ConcurrentBag<int>();
        await using var second = EngineHarness.WithObjects(folder.File("objects"), database, time, [new LocalFunction("work", (payload, _) =>
        {
            after.Add(payload!["n"]!.GetValue<int>());
            return Task.FromResult<JsonNode?>(payload);
        })]);
        await second.Engine.RecoverAsync();
        var done = await second.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        EngineHarness.Json(done.Output)!.AsArray().Select(o => o!["n"]!.GetValue<int>()).Should().Equal(0, 1, 2, 3, 4, 5);
        before.Should().BeEquivalentTo([0, 1, 2]);
        after.Should().BeEquivalentTo([3, 4, 5], "what finished before the restart is not run again");
        var described = await second.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });
        described.Status.Should().Be("SUCCEEDED");
        described.ItemCounts!.Succeeded.Should().Be(6);
        described.ItemCounts.Running.Should().Be(0);
        described.ItemCounts.Pending.Should().Be(0);
        described.ExecutionCounts!.Succeeded.Should().Be(6);
        var history = await second.HistoryAsync(arn);
        history.Count(e => e.Type == "MapRunStarted").Should().Be(1);
        history.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task UpdateMapRun_raises_the_concurrency_of_a_running_Map_Run()
    {
        var inFlight = 0;
        var peak = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = EngineHarness.WithObjects(folder.File("objects"), functions: [new LocalFunction("work", async (payload, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref inFlight);
            return payload;
        })]);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1", "EXPRESS", Work));
        var arn = await engine.StartAsync(machine, """{"items":[1,2,3,4]}""");
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Running == 1);

        await engine.Api.UpdateMapRunAsync(new UpdateMapRunRequest { MapRunArn = mapRunArn, MaxConcurrency = 3, ToleratedFailureCount = 2 });
        var described = await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Running == 3);
        release.SetResult();
        var done = await engine.RunToEndAsync(arn);

        described.MaxConcurrency.Should().Be(3);
        described.ToleratedFailureCount.Should().Be(2);
        described.ItemCounts!.Pending.Should().Be(1);
        peak.Should().Be(3);
        done.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        var ended = async () => await engine.Api.UpdateMapRunAsync(new UpdateMapRunRequest { MapRunArn = mapRunArn, MaxConcurrency = 5 });
        await ended.Should().ThrowAsync<ResourceNotFoundException>("an ended Map Run cannot be changed");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public void Dispose() => folder.Dispose();
}
