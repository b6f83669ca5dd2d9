using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// The engine's Distributed Map service: runs child executions for Map Runs, keeps the running Map Runs' live counts
/// and settings, and answers DescribeMapRun and UpdateMapRun.
/// </summary>
internal sealed class DistributedMaps(IMapRunChildren children, IMapRunStore store, IBatchObjectStore? objects, TimeProvider time) : IDistributedMapRunner
{
    private readonly ConcurrentDictionary<string, LiveMapRun> live = new(StringComparer.Ordinal);

    public Task<StateResult> RunAsync(MapState state, JsonNode? input, StateRun run) => new DistributedMapRun(this, state, run).RunAsync(input);

    public IMapRunStore Store { get; } = store;

    public IBatchObjectStore? Objects { get; } = objects;

    /// <summary>
    /// The most a ResultWriter file holds before the next one starts: 5 GB, S3's limit for one upload. Tests lower it
    /// to see the split with small files.
    /// </summary>
    internal long ResultFileMaxBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    public LiveMapRun Register(MapRunRecord record, MapRunCounter counter, CancellationToken parentCancellation)
    {
        var run = new LiveMapRun(record, counter, parentCancellation);
        live[record.Arn] = run;
        return run;
    }

    public void Unregister(string mapRunArn) => live.TryRemove(mapRunArn, out _);

    public Task<ChildOutcome> RunChildAsync(MapRunRecord mapRun, DistributedMapConfig config, MapRunChild child, string? roleArn, CancellationToken cancellationToken) =>
        children.RunAsync(mapRun, config, child, roleArn, cancellationToken);

    /// <summary>
    /// Why a redriven Map Run cannot run this unsuccessful child again, or null: an Express child is always started
    /// again; a Standard child is redriven, within the redrive rules of any Standard execution.
    /// </summary>
    public Task<string?> ChildRedriveBlockedAsync(MapRunRecord mapRun, MapRunChild child) => children.RedriveBlockedAsync(mapRun, child);

    /// <summary>Aborts a Standard child (an Express child ends with its cancelled token).</summary>
    public Task StopChildAsync(MapRunRecord mapRun, MapRunChild child) => children.StopAsync(mapRun, child);

    /// <summary>The Map Run with its counts: live while it runs, from its children's rows once it ended (or before a resume).</summary>
    public async Task<(MapRunRecord Record, MapRunItemCounts Items, MapRunExecutionCounts Executions)?> DescribeAsync(string mapRunArn)
    {
        if (live.TryGetValue(mapRunArn, out var running))
        {
            var current = running.Record;
            return (current, WithNotRedrivable(running.Counter.Items(), current.ItemFailuresNotRedrivable), WithNotRedrivable(running.Counter.Executions(), current.FailuresNotRedrivable));
        }

        if (await Store.GetMapRunAsync(mapRunArn) is not { } record)
        {
            return null;
        }

        var counter = MapRunCounter.From(record.TotalItems, await Store.CountChildrenAsync(mapRunArn));
        return (record, WithNotRedrivable(counter.Items(), record.ItemFailuresNotRedrivable), WithNotRedrivable(counter.Executions(), record.FailuresNotRedrivable));
    }

    private static T WithNotRedrivable<T>(T counts, long notRedrivable)
        where T : MapRunItemCounts
    {
        counts.FailuresNotRedrivable = notRedrivable;
        return counts;
    }

    /// <summary>UpdateMapRun: changes the concurrency and tolerated failures of a running Map Run.</summary>
    public MapRunRecord? Update(string mapRunArn, int? maxConcurrency, long? toleratedFailureCount, float? toleratedFailurePercentage)
    {
        if (!live.TryGetValue(mapRunArn, out var running))
        {
            return null;
        }

        var updated = running.Update(r => r with
        {
            MaxConcurrency = maxConcurrency ?? r.MaxConcurrency,
            ToleratedFailureCount = toleratedFailureCount ?? r.ToleratedFailureCount,
            ToleratedFailurePercentage = toleratedFailurePercentage ?? r.ToleratedFailurePercentage,
        });
        Store.SaveMapRun(updated);

        // A looser threshold does not revive an exceeded one; a tighter one may be exceeded already.
        running.CheckTolerance();
        return updated;
    }

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Waits until the store's queued writes are durable: the dispatcher's backpressure on a large Map Run.</summary>
    public Task FlushAsync() => children.FlushAsync();
}
