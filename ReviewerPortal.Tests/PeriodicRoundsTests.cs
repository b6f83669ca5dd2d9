using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Workflow.LocalResources;

namespace ReviewerPortal.Tests;

/// <summary>The shared background loop: rounds on the injected clock, failures reported, only shutdown ends it.</summary>
public sealed class PeriodicRoundsTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_round_that_times_out_is_reported_and_the_next_round_still_runs()
    {
        var clock = new ManualTimeProvider();
        var rounds = 0;
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();
        var loop = PeriodicRounds.RunAsync(
            Interval,
            clock,
            immediately: true,
            _ => ++rounds == 1 ? throw new TaskCanceledException("The request timed out.") : Task.CompletedTask,
            failures.Add,
            stop.Token);

        await LoopWaits.UntilAsync(() => failures.Count == 1, "the timed-out round is reported", Settle);
        clock.Advance(Interval);
        await LoopWaits.UntilAsync(() => rounds == 2, "the next round runs", Settle);

        loop.IsCompleted.Should().BeFalse("a timed-out request is not a shutdown");
        failures.Should().ContainSingle().Which.Should().BeOfType<TaskCanceledException>();
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        loop.IsCompletedSuccessfully.Should().BeTrue("shutdown ends the loop quietly");
    }

    [Fact]
    public async Task Without_immediately_the_first_round_waits_one_interval()
    {
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        var rounds = 0;
        using var stop = new CancellationTokenSource();
        var loop = PeriodicRounds.RunAsync(Interval, clock, immediately: false, _ => { rounds++; return Task.CompletedTask; }, _ => { }, stop.Token);

        // No sleep is needed to see that nothing ran: a round started at once would have run before RunAsync returned
        // (an async method runs synchronously up to its first pending await), and moving the clock to just short of
        // the interval fires no timer, so nothing can be on its way either.
        rounds.Should().Be(0, "no round runs at start");
        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        clock.NextDue.Should().Be(started + Interval, "the loop's only timer is due one whole interval after the start");
        rounds.Should().Be(0);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await LoopWaits.UntilAsync(() => rounds == 1, "the first round runs after one interval", Settle);

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
