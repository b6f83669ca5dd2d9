using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Quotas;

/// <summary>Issue 14, item 1: a state loop that never ends is stopped at AWS's 25,000-event quota and cannot starve others.</summary>
[Trait("Category", "Slow")]
[Collection(nameof(EngineSaturation))]
public sealed class HistoryLimitTests
{
    private const string Runaway = """
        {"StartAt": "Spin", "States": {
          "Spin": {"Type": "Pass", "Next": "Again"},
          "Again": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "Done"}], "Default": "Spin"},
          "Done": {"Type": "Succeed"}}}
        """;

    [Fact]
    public async Task A_runaway_loop_fails_with_States_Runtime_at_25000_events_while_a_short_execution_still_finishes()
    {
        // The engine's scheduler drains on thread-pool threads, and the runaways keep all of its slots busy. On a quiet
        // 2-core machine the pool then adds a thread for this test's own continuation only after a second or more, by
        // which time the runaways may all have ended: the short execution had finished long before, but the test looked
        // late. Enough threads up front let the test look when the short one ends.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);
        try
        {
            await RunawaysAndAShortExecutionAsync();
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }
    }

    private static async Task RunawaysAndAShortExecutionAsync()
    {
        await using var engine = EngineHarness.InMemory();
        var loops = await engine.CreateAsync(Runaway, "runaway");
        var quick = await engine.CreateAsync(EngineOverHttpPass, "quick");

        // Many more runaway executions than the engine has scheduler slots (4 in the harness), so that on a fast machine
        // some are still queued or running when the short one ends.
        var runaways = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            runaways.Add(await engine.StartAsync(loops));
        }

        var shortOne = await engine.RunToEndAsync(await engine.StartAsync(quick));
        var stillRunning = 0;
        foreach (var arn in runaways)
        {
            stillRunning += (await engine.DescribeAsync(arn)).Status!.Value == "RUNNING" ? 1 : 0;
        }

        shortOne.Status!.Value.Should().Be("SUCCEEDED");
        stillRunning.Should().BeGreaterThan(0, "the short execution must not wait for the runaway ones to end");
        foreach (var arn in runaways)
        {
            var ended = await engine.RunToEndAsync(arn);
            ended.Status!.Value.Should().Be("FAILED");
            ended.Error.Should().Be("States.Runtime");
            ended.Cause.Should().Contain("25,000 events");
            var last = (await engine.Api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, ReverseOrder = true, MaxResults = 1 })).Events.Single();
            last.Id.Should().Be(25_000);
            last.Type.Should().Be(HistoryEventType.ExecutionFailed);
        }
    }

    private const string EngineOverHttpPass = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";
}
