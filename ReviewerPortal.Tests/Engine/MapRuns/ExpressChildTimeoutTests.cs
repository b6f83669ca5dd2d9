using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>
/// An Express child runs for at most 5 minutes ("Express workflows can run for up to five minutes"): one still running
/// then is timed out with States.Timeout, and counts against the Map Run's tolerated failures like a failed one.
/// </summary>
public sealed class ExpressChildTimeoutTests : IDisposable
{
    /// <summary>Waits <c>$.wait</c> seconds, then returns its input.</summary>
    private const string WaitThenPass = """
        {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","SecondsPath":"$.wait","Next":"Done"},"Done":{"Type":"Pass","End":true}}}
        """;

    private readonly TempDirectory objects = new("express-timeout");

    [Fact]
    public async Task A_child_still_running_after_5_minutes_times_out_and_one_that_ends_sooner_does_not()
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\",\"ToleratedFailureCount\":1", "EXPRESS", WaitThenPass));
        var arn = await engine.StartAsync(machine, """{"items":[{"wait":240},{"wait":360}]}""");
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await engine.Time.UntilPendingTimersAsync(4); // each child's Wait and its 5-minute cut

        engine.Time.Advance(TimeSpan.FromMinutes(4));
        await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Succeeded == 1);
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, "one failure is tolerated");
        var outputs = EngineHarness.Json(done.Output)!.AsArray();
        outputs[0]!["wait"]!.GetValue<int>().Should().Be(240);
        outputs[1]!["Error"]!.GetValue<string>().Should().Be("States.Timeout");
        var described = await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });
        (described.ItemCounts!.Succeeded, described.ItemCounts.TimedOut, described.ItemCounts.Failed).Should().Be((1, 1, 0));
        described.ExecutionCounts!.TimedOut.Should().Be(1);
    }

    [Fact]
    public async Task Without_a_tolerance_a_timed_out_child_fails_the_Map_Run_and_is_written_with_the_failures()
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("""
            "ItemsPath":"$.items","ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"cut"}}
            """, "EXPRESS", WaitThenPass));
        var arn = await engine.StartAsync(machine, """{"items":[{"wait":600}]}""");
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await engine.Time.UntilPendingTimersAsync(2);
        var started = engine.Time.GetUtcNow();

        engine.Time.Advance(TimeSpan.FromMinutes(5));
        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.FAILED);
        done.Error.Should().Be("States.ExceedToleratedFailureThreshold");
        (await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn })).ExecutionCounts!.TimedOut.Should().Be(1);
        var id = mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];
        var failed = JsonNode.Parse(File.ReadAllText(Path.Combine(objects.Path, "results", "cut", id, "FAILED_0.json")))!.AsArray();
        var result = failed.Should().ContainSingle().Subject!;
        result["Status"]!.GetValue<string>().Should().Be("TIMED_OUT");
        result["Error"]!.GetValue<string>().Should().Be("States.Timeout");
        DateTimeOffset.Parse(result["StopDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(started + TimeSpan.FromMinutes(5), "the cut comes 5 minutes after the child started");
    }

    public void Dispose() => objects.Dispose();
}
