using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Engine.HttpApi;
using ReviewerPortal.Tests.StepFunctions;

namespace ReviewerPortal.Tests.Engine.Quotas;

/// <summary>
/// Issue 14, item 6 under load: callbacks and StopExecution race on many executions at once, parked at a top-level
/// callback (resumed by replay) and running (a callback inside a Parallel branch). Whatever the API acknowledges is in
/// the history or the call fails, and a StopExecution answered 200 leaves the execution ABORTED, its last event.
/// </summary>
[Trait("Category", "Slow")]
[Collection(nameof(EngineSaturation))]
public sealed class CallbackStopStressTests
{
    private const string Gate = EngineOverHttp.GateResource;

    // After the callback the execution holds in a Wait the manual clock never ends, so only a stop can end it: a stop
    // answered 200 that did not stop it shows as RUNNING. A failure callback is caught into the same hold.
    private const string ParkedDefinition = $$$$"""
        {"StartAt":"Gate","States":{
          "Gate":{"Type":"Task","Resource":"{{{{Gate}}}}.waitForTaskToken","Parameters":{"Item":{"token":{"S.$":"$$.Task.Token"}}},
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Hold"}],"Next":"Hold"},
          "Hold":{"Type":"Wait","Seconds":86400,"End":true}}}
        """;

    private const string RunningDefinition = $$$$"""
        {"StartAt":"Branches","States":{
          "Branches":{"Type":"Parallel","Branches":[{"StartAt":"Gate","States":{
              "Gate":{"Type":"Task","Resource":"{{{{Gate}}}}.waitForTaskToken","Parameters":{"Item":{"token":{"S.$":"$$.Task.Token"}}},
                      "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
              "Caught":{"Type":"Pass","End":true}}}],
            "Next":"Hold"},
          "Hold":{"Type":"Wait","Seconds":86400,"End":true}}}
        """;

    private const int Executions = 48;

    [Theory]
    [InlineData(ParkedDefinition)]
    [InlineData(RunningDefinition)]
    public async Task Callbacks_racing_stops_through_the_in_process_API_are_never_lost(string definition)
    {
        var folder = Directory.CreateTempSubdirectory("callback-stop-");
        try
        {
            var gate = new InboxHandler(Gate);
            await using var engine = EngineHarness.Durable(Path.Combine(folder.FullName, "engine.db"), handlers: [gate]);
            await RaceAsync(engine, engine.Api, gate, definition);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(ParkedDefinition)]
    [InlineData(RunningDefinition)]
    public async Task Callbacks_racing_stops_through_the_HTTP_API_are_never_lost(string definition)
    {
        await using var local = await EngineOverHttp.StartAsync();
        var client = TestClients.StepFunctions(local.Address, maxRetries: 0);
        await RaceAsync(local.Engine, client, local.Gate, definition);
    }

    private static async Task RaceAsync(EngineHarness engine, IAmazonStepFunctions api, InboxHandler gate, string definition)
    {
        var machine = await engine.CreateAsync(definition);
        var arns = new List<string>();
        for (var i = 0; i < Executions; i++)
        {
            arns.Add(await engine.StartAsync(machine));
        }

        // Each execution gets its callback and its stop at once, the stop after a different number of yields, so
        // that together they sweep the stop across the callback's path (settle, resume, replay, record).
        var races = arns.Select((arn, i) => Task.Run(async () =>
        {
            await engine.WaitForEventAsync(arn, HistoryEventType.TaskSubmitted);
            var token = gate.Calls.Single(c => c.ExecutionArn == arn).TaskToken!;
            var callback = Task.Run(() => CallbackAsync(api, token, succeed: i % 2 == 0));
            for (var y = 0; y < i % 8; y++)
            {
                await Task.Yield();
            }

            await api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn, Error = "Stopped", Cause = "by the test" });
            var afterStop = await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn });
            return new Race(arn, i % 2 == 0, await callback, afterStop.Status?.Value);
        })).ToList();
        var results = await Task.WhenAll(races);

        var problems = new List<string>();
        foreach (var race in results)
        {
            var history = await engine.HistoryAsync(race.Arn);
            if (race.StatusAfterStop != "ABORTED")
            {
                problems.Add($"{race.Arn}: StopExecution answered 200, then the execution was {race.StatusAfterStop}");
            }

            var recorded = history.Any(e => race.Succeeded ? e.Type == HistoryEventType.TaskSucceeded : e.Type == HistoryEventType.TaskFailed);
            if (race.CallbackAcknowledged && !recorded)
            {
                problems.Add($"{race.Arn}: Send{(race.Succeeded ? "TaskSuccess" : "TaskFailure")} answered 200, but the history has no outcome: {string.Join(", ", history.Select(e => e.Type))}");
            }

            if (history.LastOrDefault()?.Type != HistoryEventType.ExecutionAborted || history.Count(e => e.Type == HistoryEventType.ExecutionAborted) != 1)
            {
                problems.Add($"{race.Arn}: the history does not end with its one ExecutionAborted: {string.Join(", ", history.Select(e => e.Type))}");
            }
        }

        problems.Should().BeEmpty("{0} of {1} races went wrong:\n{2}", problems.Count, results.Length, string.Join("\n", problems));
        results.Should().Contain(r => r.CallbackAcknowledged, "some callbacks win their race (else the test proves nothing)");
    }

    /// <summary>True when the API acknowledged the callback; false when it refused it because the stop spent the token first.</summary>
    private static async Task<bool> CallbackAsync(IAmazonStepFunctions api, string token, bool succeed)
    {
        try
        {
            if (succeed)
            {
                await api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = """{"approved":true}""" });
            }
            else
            {
                await api.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = token, Error = "Rejected", Cause = "by the reviewer" });
            }

            return true;
        }
        catch (TaskTimedOutException)
        {
            return false;
        }
    }

    private sealed record Race(string Arn, bool Succeeded, bool CallbackAcknowledged, string? StatusAfterStop);
}
