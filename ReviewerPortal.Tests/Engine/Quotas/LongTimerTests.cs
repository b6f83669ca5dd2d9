using ReviewerPortal.Engine.Execution;

namespace ReviewerPortal.Tests.Engine.Quotas;

/// <summary>
/// Issue 14, item 2: waits and timeouts up to AWS's one-year limits work (.NET timers stop at 49.7 days), and a long
/// wait survives a restart.
/// </summary>
public sealed class LongTimerTests
{
    // Real time allowed for the engine to react to a clock move, however loaded the machine.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_execution_timeout_past_49_days_times_the_execution_out_when_it_comes_and_not_before()
    {
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync("""
            {"TimeoutSeconds": 4300000, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 5000000, "End": true}}}
            """);
        var started = engine.Time.GetUtcNow();
        var arn = await engine.StartAsync(machine);
        await engine.WaitForEventAsync(arn, "WaitStateEntered");

        engine.Time.Advance(TimeSpan.FromSeconds(4_299_000));
        await engine.Time.WhenTimerDueAsync(started.AddSeconds(4_300_000), "the execution timeout re-armed for its last 1,000 s", Settle);
        (await engine.DescribeAsync(arn)).Status!.Value.Should().Be("RUNNING");
        var ended = await engine.RunToEndAsync(arn, timersWithin: TimeSpan.FromSeconds(1_000));

        ended.Status!.Value.Should().Be("TIMED_OUT");
        (ended.StopDate!.Value - ended.StartDate!).TotalSeconds.Should().BeApproximately(4_300_000, 1);
    }

    [Theory]
    [InlineData("\"Seconds\": 30000000")]
    [InlineData("\"Timestamp\": \"2026-12-20T00:00:00Z\"")]
    public async Task A_wait_of_most_of_a_year_runs_to_its_end(string until)
    {
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync("""{"StartAt": "W", "States": {"W": {"Type": "Wait", """ + until + """, "End": true}}}""");

        var ended = await engine.RunToEndAsync(await engine.StartAsync(machine), timersWithin: TimeSpan.FromDays(350));

        ended.Status!.Value.Should().Be("SUCCEEDED");
        (ended.StopDate!.Value - ended.StartDate!).Should().BeGreaterThan(TimeSpan.FromDays(340));
    }

    [Fact]
    public async Task A_347_day_wait_survives_a_restart_and_ends_on_time()
    {
        var folder = Directory.CreateTempSubdirectory("long-wait-");
        try
        {
            var database = Path.Combine(folder.FullName, "engine.db");
            var time = new ManualTimeProvider();
            string arn;
            await using (var before = EngineHarness.Durable(database, time))
            {
                arn = await before.StartAsync(await before.CreateAsync("""{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30000000, "End": true}}}"""));
                await before.WaitForEventAsync(arn, "WaitStateEntered");
                time.Advance(TimeSpan.FromDays(200));
                await time.WhenTimerDueAsync(time.GetUtcNow() + LongTimer.MaxStep, "the wait took its next step before the restart", Settle);
            }

            await using var after = EngineHarness.Durable(database, time);
            await after.Engine.RecoverAsync();
            (await after.DescribeAsync(arn)).Status!.Value.Should().Be("RUNNING");
            var ended = await after.RunToEndAsync(arn, timersWithin: TimeSpan.FromDays(148));

            ended.Status!.Value.Should().Be("SUCCEEDED");
            (ended.StopDate!.Value - ended.StartDate!).TotalSeconds.Should().BeApproximately(30_000_000, 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
