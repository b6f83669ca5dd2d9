using System.Collections.Concurrent;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>Map Runs kept in memory, beside the in-memory engine store.</summary>
internal sealed class InMemoryMapRunStore : IMapRunStore
{
    private readonly ConcurrentDictionary<string, MapRunRecord> runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SortedList<int, MapRunChild>> children = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MapRunChild> byExecution = new(StringComparer.Ordinal);

    public void SaveMapRun(MapRunRecord record) => runs[record.Arn] = record;

    public Task<MapRunRecord?> GetMapRunAsync(string mapRunArn) => Task.FromResult(runs.GetValueOrDefault(mapRunArn));

    public Task<IReadOnlyList<MapRunRecord>> ListMapRunsAsync(string executionArn) =>
        Task.FromResult<IReadOnlyList<MapRunRecord>>([.. runs.Values.Where(r => r.ExecutionArn == executionArn).OrderBy(r => r.StartDate).ThenBy(r => r.Arn, StringComparer.Ordinal)]);

    public void SaveChild(MapRunChild child)
    {
        var list = children.GetOrAdd(child.MapRunArn, _ => []);
        lock (list)
        {
            list[child.Index] = child;
        }

        byExecution[child.ExecutionArn] = child;
    }

    public Task<IReadOnlyList<MapRunChild>> ListChildrenAsync(string mapRunArn, string? status = null, int afterIndex = -1, int limit = 1000)
    {
        if (!children.TryGetValue(mapRunArn, out var list))
        {
            return Task.FromResult<IReadOnlyList<MapRunChild>>([]);
        }

        lock (list)
        {
            return Task.FromResult<IReadOnlyList<MapRunChild>>([
                .. list.Values.Where(c => c.Index > afterIndex && (status is null || c.Status == status)).Take(limit),
            ]);
        }
    }

    public Task<IReadOnlyList<MapRunStatusCount>> CountChildrenAsync(string mapRunArn)
    {
        if (!children.TryGetValue(mapRunArn, out var list))
        {
            return Task.FromResult<IReadOnlyList<MapRunStatusCount>>([]);
        }

        lock (list)
        {
            return Task.FromResult<IReadOnlyList<MapRunStatusCount>>([
                .. list.Values.GroupBy(c => c.Status).Select(g => new MapRunStatusCount(g.Key, g.Count(), g.Sum(c => (long)c.ItemCount))),
            ]);
        }
    }

    public Task<MapRunChild?> FindChildAsync(string executionArn) => Task.FromResult(byExecution.GetValueOrDefault(executionArn));
}
