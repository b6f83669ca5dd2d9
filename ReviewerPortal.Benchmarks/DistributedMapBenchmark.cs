using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.Api;
using ReviewerPortal.Engine.MapRuns;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// A Distributed Map over a JSON Lines object of N items (default 10,000) with Express children and a ResultWriter:
/// items per second and the peak managed heap above the starting point, in memory and durable (SQLite).
/// Usage: <c>distributed-map [items]</c>.
/// </summary>
internal static class DistributedMapBenchmark
{
    private const string Definition = """
        {"StartAt":"Backfill","States":{"Backfill":{"Type":"Map","End":true,
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"bench","Key":"studies.jsonl"}},
          "ItemSelector":{"studyId.$":"$$.Map.Item.Value.studyId","index.$":"$$.Map.Item.Index"},
          "ToleratedFailurePercentage":5,
          "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"bench","Prefix":"results"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Draft","States":{
            "Draft":{"Type":"Pass","Parameters":{"studyId.$":"$.studyId","draft.$":"States.Format('Draft for {}', $.studyId)"},"Next":"Score"},
            "Score":{"Type":"Pass","Result":{"score":0.97},"ResultPath":"$.quality","Next":"Done"},
            "Done":{"Type":"Succeed"}}}}}}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var folder = Directory.CreateTempSubdirectory("distributed-map-bench-");
        try
        {
            var objects = Path.Combine(folder.FullName, "objects");
            await WriteItemsAsync(Path.Combine(objects, "bench", "studies.jsonl"), items);
            Console.WriteLine($"Distributed Map of {items:N0} items, Express children (3 states each), ResultWriter to the folder store, {Environment.ProcessorCount} cores");
            await MeasureAsync("warm-up", new InMemoryEngineStore(), objects, print: false);
            await MeasureAsync("in memory", new InMemoryEngineStore(), objects, print: true);
            await MeasureAsync("durable", new SqliteEngineStore(Path.Combine(folder.FullName, "engine.db")), objects, print: true);
            Console.WriteLine($"durable store size: {new FileInfo(Path.Combine(folder.FullName, "engine.db")).Length / 1024.0 / 1024.0:F1} MiB (with WAL: {WalSize(folder) / 1024.0 / 1024.0:F1} MiB more)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, IEngineStore store, string objects, bool print)
    {
        await using var disposeStore = store;
        await using var engine = new ExecutionEngine(
            store, new ResourceRegistry([]), TimeProvider.System, Options.Create(new LocalEngineOptions()), NullLogger<ExecutionEngine>.Instance, new FolderBatchObjectStore(objects));
        var api = new LocalStepFunctions(engine);
        var machine = (await api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = "backfill", Definition = Definition, RoleArn = "arn:aws:iam::123456789012:role/bench" })).StateMachineArn;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        var peak = baseline;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        });

        var clock = Stopwatch.StartNew();
        var started = await api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "run-" + name.Replace(' ', '-'), Input = "{}" });
        var final = await engine.WaitForEndAsync(started.ExecutionArn!, CancellationToken.None);
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        if (!print)
        {
            return;
        }

        var mapRun = (await api.ListMapRunsAsync(new ListMapRunsRequest { ExecutionArn = started.ExecutionArn })).MapRuns.Single();
        var described = await api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRun.MapRunArn });
        var succeeded = described.ItemCounts!.Succeeded;
        Console.WriteLine(
            $"{name,-10} {final!.Status,-10} {succeeded:N0} items in {clock.Elapsed.TotalSeconds:F2} s = {succeeded / clock.Elapsed.TotalSeconds,8:N0} items/s; " +
            $"peak managed heap +{(peak - baseline) / 1024.0 / 1024.0:F1} MiB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
    }

    private static async Task WriteItemsAsync(string path, int items)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var writer = new StreamWriter(path);
        for (var i = 0; i < items; i++)
        {
            await writer.WriteLineAsync($$"""{"studyId":"study-{{i:D6}}","modality":"CT"}""");
        }
    }

    private static long WalSize(DirectoryInfo folder) =>
        folder.EnumerateFiles("engine.db-wal").Sum(f => f.Length);
}
