using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.Api;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// The local ASL engine against moto's executing Step Functions server on the same definition: executions/s and
/// state transitions/s in memory and with durable SQLite history (on one core), and the memory each execution
/// paused at a callback gate holds. Usage: <c>engine [executions] [paused]</c>.
/// </summary>
internal static class EngineBenchmark
{
    // Ten states, every one a transition: Pass with Parameters and ResultPath, Choice, Pass with intrinsics.
    internal const string Chain = """
        {"StartAt":"S1","States":{
          "S1":{"Type":"Pass","Parameters":{"caseId.$":"$.caseId","n.$":"$.n"},"Next":"S2"},
          "S2":{"Type":"Pass","Result":{"queue":"routine"},"ResultPath":"$.route","Next":"S3"},
          "S3":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":5,"Next":"S4"}],"Default":"S4"},
          "S4":{"Type":"Pass","Parameters":{"caseId.$":"$.caseId","n.$":"$.n","route.$":"$.route"},"Next":"S5"},
          "S5":{"Type":"Pass","ResultPath":"$.copy","Next":"S6"},
          "S6":{"Type":"Choice","Choices":[{"Variable":"$.route.queue","StringEquals":"routine","Next":"S7"}],"Default":"S7"},
          "S7":{"Type":"Pass","OutputPath":"$.copy","Next":"S8"},
          "S8":{"Type":"Pass","Result":"done","ResultPath":"$.status","Next":"S9"},
          "S9":{"Type":"Pass","Next":"S10"},
          "S10":{"Type":"Succeed"}}}
        """;

    private const int TransitionsPerExecution = 10;

    private const int Rounds = 3;

    private const string RoleArn = "arn:aws:iam::123456789012:role/bench";

    private const string Gate = """
        {"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
          "Parameters":{"TableName":"review-tasks","Item":{"token":{"S.$":"$$.Task.Token"},"caseId":{"S.$":"$.caseId"}}},
          "HeartbeatSeconds":3600,"TimeoutSeconds":86400,"End":true}}}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var executions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var paused = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var folder = Directory.CreateTempSubdirectory("engine-bench-");
        try
        {
            // "On one core": the process may use one CPU only (the SQLite writer shares it).
            if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            {
                Process.GetCurrentProcess().ProcessorAffinity = 1;
            }

            Console.WriteLine($"Local ASL engine vs moto — {executions} executions of a {TransitionsPerExecution}-state definition, one core");
            await WarmUpAsync(folder);

            // A single pass varied by ±25 % with the machine's other load: alternate the two stores for a few rounds,
            // so that the load weighs on both alike, and report each one's median round.
            var memoryRounds = new List<Throughput>();
            var durableRounds = new List<Throughput>();
            for (var round = 0; round < Rounds; round++)
            {
                memoryRounds.Add(await MeasureAsync(new InMemoryEngineStore(), executions));
                durableRounds.Add(await MeasureAsync(new SqliteEngineStore(Path.Combine(folder.FullName, $"throughput-{round}.db")), executions));
            }

            var memory = Median(memoryRounds);
            var durable = Median(durableRounds);
            var (moto, motoBoto3) = await MotoThroughput.MeasureAsync(Chain, executions: 60);
            var localBoto3 = await ThroughApiAsync(Math.Min(executions, 1000));
            Console.WriteLine();
            Console.WriteLine($"{"",-22}{"executions/s",14}{"transitions/s",16}   (local in process: median of {Rounds} alternating rounds)");
            Print("local, in memory", memory);
            Print("local, durable", durable);
            Print("moto", moto);
            Print("local API, boto3", localBoto3);
            Print("moto, boto3", motoBoto3);
            Console.WriteLine();
            Console.WriteLine($"rounds, transitions/s: in memory {EachRound(memoryRounds)}; durable {EachRound(durableRounds)}");
            Console.WriteLine($"in memory: {memory.ExecutionsPerSecond / moto.ExecutionsPerSecond:F0}x moto's executions/s; durable: {durable.ExecutionsPerSecond / moto.ExecutionsPerSecond:F0}x");
            Console.WriteLine($"targets: >= 20,000 transitions/s in memory ({Verdict(memory.TransitionsPerSecond >= 20_000)}), >= 2,000 durable ({Verdict(durable.TransitionsPerSecond >= 2_000)}), >= 10x moto ({Verdict(memory.ExecutionsPerSecond >= 10 * moto.ExecutionsPerSecond)})");
            Console.WriteLine();
            var bytes = await PausedBytesAsync(new SqliteEngineStore(Path.Combine(folder.FullName, "paused.db")), paused);
            Console.WriteLine($"{paused} executions paused at a callback gate (durable): {bytes:F0} bytes each ({Verdict(bytes <= 2048)} <= 2 KB)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The in-memory engine behind its HTTP API (as Local mode serves it), driven by a boto3 script.</summary>
    private static async Task<Throughput> ThroughApiAsync(int executions)
    {
        await using var engine = NewEngine(new InMemoryEngineStore(), []);
        await using var services = new ServiceCollection()
            .AddSingleton<ReviewerPortal.StepFunctions.IAmazonStepFunctions>(new LocalStepFunctions(engine))
            .BuildServiceProvider();
        var host = new ReviewerPortal.Engine.HttpApi.ApiHost(
            services, Options.Create(new ReviewerPortal.Engine.HttpApi.ApiOptions { ApiUrl = "http://127.0.0.1:0" }), NullLoggerFactory.Instance);
        await host.StartAsync(CancellationToken.None);
        try
        {
            return await Boto3Throughput.MeasureAsync(host.Address!, Chain, executions, TransitionsPerExecution);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await host.DisposeAsync();
        }
    }

    private static Throughput Median(List<Throughput> rounds) => rounds.OrderBy(t => t.TransitionsPerSecond).ElementAt(rounds.Count / 2);

    private static string EachRound(List<Throughput> rounds) => string.Join(" / ", rounds.Select(t => t.TransitionsPerSecond.ToString("N0", CultureInfo.InvariantCulture)));

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static void Print(string name, Throughput t) =>
        Console.WriteLine($"{name,-22}{t.ExecutionsPerSecond,14:N0}{t.TransitionsPerSecond,16:N0}");

    private static async Task WarmUpAsync(DirectoryInfo folder)
    {
        await MeasureAsync(new InMemoryEngineStore(), 500);
        await MeasureAsync(new SqliteEngineStore(Path.Combine(folder.FullName, "warmup.db")), 200);
    }

    internal static async Task<Throughput> MeasureAsync(IEngineStore store, int executions, string definition = Chain)
    {
        await using var engine = NewEngine(store, []);
        await using var disposeStore = store;
        var api = new LocalStepFunctions(engine);
        var machine = (await api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = "chain", Definition = definition, RoleArn = RoleArn })).StateMachineArn;
        var clock = Stopwatch.StartNew();
        var ends = new List<Task<ExecutionRecord?>>(executions);
        for (var i = 0; i < executions; i++)
        {
            var started = await api.StartExecutionAsync(new StartExecutionRequest
            {
                StateMachineArn = machine, Name = "run-" + i.ToString(CultureInfo.InvariantCulture), Input = $$"""{"caseId":"case-{{i}}","n":{{i % 10}}}""",
            });
            ends.Add(engine.WaitForEndAsync(started.ExecutionArn!, CancellationToken.None));
        }

        var records = await Task.WhenAll(ends);
        clock.Stop();
        var failed = records.Count(r => r?.Status != "SUCCEEDED");
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} executions did not succeed.");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new Throughput(executions / seconds, executions * TransitionsPerExecution / seconds);
    }

    private static async Task<double> PausedBytesAsync(SqliteEngineStore store, int count)
    {
        var gate = new CountingGate();
        await using var engine = NewEngine(store, [gate]);
        await using var disposeStore = store;
        var api = new LocalStepFunctions(engine);
        var machine = (await api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = "gate", Definition = Gate, RoleArn = RoleArn })).StateMachineArn;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
        {
            await api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "case-" + i.ToString(CultureInfo.InvariantCulture), Input = $$"""{"caseId":"case-{{i}}"}""" });
        }

        while (gate.Calls < count || engine.ParkedCount < count)
        {
            await Task.Delay(50);
        }

        await store.FlushAsync();
        await Task.Delay(200);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        if (engine.ParkedCount != count || engine.Tokens.OpenCount != count)
        {
            throw new InvalidOperationException($"Expected {count} paused executions, found {engine.ParkedCount} ({engine.Tokens.OpenCount} open tokens).");
        }

        return (after - before) / (double)count;
    }

    private static ExecutionEngine NewEngine(IEngineStore store, IEnumerable<ILocalResourceHandler> handlers) =>
        new(store, new ResourceRegistry(handlers), TimeProvider.System, Options.Create(new LocalEngineOptions { MaxConcurrency = 1 }), NullLogger<ExecutionEngine>.Instance);

    /// <summary>Stands in for the review-task table: accepts the item (and its token) and counts the gates that paused.</summary>
    private sealed class CountingGate : ILocalResourceHandler
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public bool CanHandle(string resource) => resource == "arn:aws:states:::aws-sdk:dynamodb:putItem";

        public Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<JsonNode?>(new JsonObject());
        }
    }
}

internal sealed record Throughput(double ExecutionsPerSecond, double TransitionsPerSecond);
