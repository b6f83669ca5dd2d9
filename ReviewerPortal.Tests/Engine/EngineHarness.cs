using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.Api;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine;

/// <summary>
/// One local engine for one test: a real store (in memory, or a SQLite file in the test's own folder), the engine,
/// its API, a manual clock and the test's own resource handlers.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    /// <summary>How many executions the harness's engine runs at once.</summary>
    public const int MaxConcurrency = 4;

    private readonly List<ILocalResourceHandler> handlers;

    private EngineHarness(string? databasePath, ManualTimeProvider time, IEnumerable<ILocalResourceHandler> handlers, IEnumerable<LocalFunction> functions, string? objectsFolder = null)
    {
        DatabasePath = databasePath;
        Time = time;
        this.handlers = [.. handlers, new LocalFunctionsHandler(functions)];
        Store = databasePath is null ? new InMemoryEngineStore() : new SqliteEngineStore(databasePath);
        Engine = new ExecutionEngine(Store, new ResourceRegistry(this.handlers), time, Options.Create(new LocalEngineOptions { MaxConcurrency = MaxConcurrency }), NullLogger<ExecutionEngine>.Instance,
            objectsFolder is null ? null : new ReviewerPortal.Engine.MapRuns.FolderBatchObjectStore(objectsFolder));
        Api = new LocalStepFunctions(Engine);
    }

    /// <summary>
    /// A span past every timer an execution can set (a Standard execution lasts at most a year): for definitions that
    /// are data (conformance cases, fuzzing), whose timers are all meant to fire.
    /// </summary>
    public static readonly TimeSpan EveryTimer = TimeSpan.FromDays(400);

    public string? DatabasePath { get; }

    public ManualTimeProvider Time { get; }

    internal IEngineStore Store { get; }

    internal ExecutionEngine Engine { get; }

    internal LocalStepFunctions Api { get; }

    public static EngineHarness InMemory(IEnumerable<ILocalResourceHandler>? handlers = null, IEnumerable<LocalFunction>? functions = null, ManualTimeProvider? time = null) =>
        new(null, time ?? new ManualTimeProvider(), handlers ?? [], functions ?? []);

    /// <summary>An engine whose Distributed Maps read and write S3 objects as files under <paramref name="objectsFolder"/>.</summary>
    public static EngineHarness WithObjects(string objectsFolder, string? databasePath = null, ManualTimeProvider? time = null, IEnumerable<LocalFunction>? functions = null) =>
        new(databasePath, time ?? new ManualTimeProvider(), [], functions ?? [], objectsFolder);

    public static EngineHarness Durable(string databasePath, ManualTimeProvider? time = null, IEnumerable<ILocalResourceHandler>? handlers = null, IEnumerable<LocalFunction>? functions = null) =>
        new(databasePath, time ?? new ManualTimeProvider(), handlers ?? [], functions ?? []);

    public async Task<string> CreateAsync(string definition, string name = "machine")
    {
        var created = await Api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = name, Definition = definition, RoleArn = "arn:aws:iam::123456789012:role/local" });
        return created.StateMachineArn!;
    }

    public async Task<string> StartAsync(string machineArn, string input = "{}", string? name = null) =>
        (await Api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machineArn, Input = input, Name = name ?? Guid.NewGuid().ToString("N") })).ExecutionArn!;

    /// <summary>
    /// Runs until the execution ends. The clock moves only as far as the test allows: by default not at all (the
    /// test advances it itself); with <paramref name="timersWithin"/> (the span of the Waits and retry back-offs the
    /// test expects) each pending timer due within that span of the clock's time at the call fires whenever the
    /// execution has not ended for 20 ms. A timer due later — an Express child's 5-minute cut, an execution timeout —
    /// never fires here, however slowly a loaded machine runs the execution.
    /// </summary>
    public async Task<DescribeExecutionResponse> RunToEndAsync(string executionArn, TimeSpan timersWithin = default)
    {
        var notAfter = Time.GetUtcNow() + timersWithin;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var end = Engine.WaitForEndAsync(executionArn, limit.Token);
        while (!end.IsCompleted)
        {
            var finished = await Task.WhenAny(end, Task.Delay(20, CancellationToken.None));
            if (finished != end && timersWithin > TimeSpan.Zero)
            {
                Time.AdvanceToNextTimer(notAfter);
            }
        }

        try
        {
            await end;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{executionArn} did not end within 30 s; {Time.PendingTimers} timer(s) pending at {Time.GetUtcNow():O} (the clock moves only as the test allows).");
        }

        return await DescribeAsync(executionArn);
    }

    public Task<DescribeExecutionResponse> DescribeAsync(string executionArn) =>
        Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });

    public async Task<List<HistoryEvent>> HistoryAsync(string executionArn) =>
        (await Api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = executionArn, MaxResults = 1000 })).Events;

    /// <summary>Waits (without moving the clock) until the execution has recorded an event of the given type.</summary>
    public async Task<HistoryEvent> WaitForEventAsync(string executionArn, string type)
    {
        for (var i = 0; i < 1500; i++)
        {
            var found = (await HistoryAsync(executionArn)).LastOrDefault(e => e.Type == type);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No {type} event in {executionArn}.");
    }

    public static JsonNode? Json(string? text) => text is null ? null : JsonNode.Parse(text);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Store.DisposeAsync();
    }
}
