using System.Text.Json.Nodes;
using Amazon.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Conformance;

/// <summary>Runs a conformance case on the local engine, following its steps, and returns how the execution ended.</summary>
public sealed class LocalConformanceRunner : IAsyncDisposable
{
    private const string GateResource = "arn:aws:states:::aws-sdk:dynamodb:putItem";
    private readonly ConformanceCase testCase;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("conformance-");
    private readonly ManualTimeProvider time = new();
    private readonly InboxHandler inbox = new(GateResource);
    private readonly ConformanceFunctions functions;
    private EngineHarness? engine;

    public LocalConformanceRunner(ConformanceCase testCase)
    {
        this.testCase = testCase;
        functions = new ConformanceFunctions(time);
    }

    private string DatabasePath => Path.Combine(folder.FullName, "engine.db");

    public async Task<DescribeExecutionResponse> RunAsync()
    {
        engine = NewEngine();
        var definition = testCase.Definition.ToJsonString();
        if (testCase.Child is { } child)
        {
            definition = definition.Replace("${child}", await engine.CreateAsync(child.ToJsonString(), "child"), StringComparison.Ordinal);
        }

        var arn = await engine.StartAsync(await engine.CreateAsync(definition, "conformance"), testCase.Input, "case-1");
        foreach (var step in testCase.Steps.Select(s => s!.AsObject()))
        {
            await RunStepAsync(step, arn);
        }

        return await engine.RunToEndAsync(arn, EngineHarness.EveryTimer);
    }

    private async Task RunStepAsync(JsonObject step, string arn)
    {
        var (kind, value) = step.Single();
        switch (kind)
        {
            case "waitFor":
                await engine!.WaitForEventAsync(arn, value!.GetValue<string>());
                break;
            case "waitForCalls":
                await WaitForCallsAsync(value!.GetValue<int>());
                break;
            case "advanceSeconds":
                time.Advance(TimeSpan.FromSeconds(value!.GetValue<int>()));
                await UntilPausedOrEndedAsync(arn);
                break;
            case "sendTaskSuccess":
                await engine!.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = LatestToken(), Output = value!.ToJsonString() });
                break;
            case "sendTaskSuccessToAll":
                foreach (var call in inbox.Calls)
                {
                    await engine!.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = call.TaskToken, Output = value!.ToJsonString() });
                }

                break;
            case "sendTaskFailure":
                await engine!.Api.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = LatestToken(), Error = value!["error"]!.GetValue<string>(), Cause = value["cause"]!.GetValue<string>() });
                break;
            case "sendTaskHeartbeat":
                await engine!.Api.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = LatestToken() });
                break;
            case "reuseFirstTokenFails":
                var reuse = () => engine!.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = inbox.Calls.First().TaskToken, Output = "{}" });
                (await reuse.Should().ThrowAsync<AmazonServiceException>()).Which.ErrorCode.Should().Be(value!.GetValue<string>());
                break;
            case "stop":
                await engine!.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn, Error = value!["error"]!.GetValue<string>(), Cause = value["cause"]!.GetValue<string>() });
                break;
            case "shutdown":
                await engine!.DisposeAsync();
                engine = null;
                break;
            case "sendTaskSuccessWhileDown":
                await using (var down = NewEngine())
                {
                    await down.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = LatestToken(), Output = value!.ToJsonString() });
                }

                break;
            case "restart":
                if (engine is not null)
                {
                    await engine.DisposeAsync();
                }

                engine = NewEngine();
                await engine.Engine.RecoverAsync();
                break;
            default:
                throw new InvalidOperationException($"Unknown step '{kind}' in {testCase.Id}.");
        }
    }

    private EngineHarness NewEngine() =>
        testCase.Durable
            ? EngineHarness.Durable(DatabasePath, time, [inbox], functions.All)
            : EngineHarness.InMemory([inbox], functions.All, time);

    private string LatestToken() => inbox.Calls.Last().TaskToken ?? throw new InvalidOperationException("No task token was issued.");

    /// <summary>
    /// After the clock moved: waits until every timer due by then has fired (a deadline re-armed, or a token timed out)
    /// and the execution it woke has moved on, so the next step meets the execution the clock move left. The execution
    /// is at rest when it has ended, or when it is parked at a callback whose token has no outcome yet: a token with an
    /// outcome is an execution about to resume. Meant for an execution paused at a top-level callback, as the cases that
    /// move the clock are; one waiting anywhere else never parks, and the step then fails naming it.
    /// </summary>
    private async Task UntilPausedOrEndedAsync(string arn)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await IsPausedOrEndedAsync(arn))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{testCase.Id}: 30 s after the clock moved to {time.GetUtcNow():O}, the execution had neither ended nor parked at a callback waiting ({engine?.Engine.ActiveCount} running, {engine?.Engine.ParkedCount} parked, due timers fired: {time.DueTimersFired}).");
            }

            await Task.Delay(10);
        }
    }

    private async Task<bool> IsPausedOrEndedAsync(string arn)
    {
        if (!time.DueTimersFired)
        {
            return false;
        }

        if (engine is null)
        {
            // Shut down: nothing runs until the case restarts the engine.
            return true;
        }

        var parked = engine.Engine.ActiveCount == 0 && engine.Engine.ParkedCount > 0
            && !inbox.Calls.Any(call => call.TaskToken is { } token && engine.Engine.Tokens.HasOutcome(token));
        return parked || (await engine.DescribeAsync(arn)).Status != ExecutionStatus.RUNNING;
    }

    private async Task WaitForCallsAsync(int count)
    {
        for (var i = 0; i < 500 && inbox.Calls.Count < count; i++)
        {
            await Task.Delay(20);
            time.AdvanceToNextTimer();
        }

        inbox.Calls.Count.Should().BeGreaterThanOrEqualTo(count);
    }

    public async ValueTask DisposeAsync()
    {
        if (engine is not null)
        {
            await engine.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
