using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>The live counts of a Map Run, by child execution and by item (a batch is one execution of several items).</summary>
internal sealed class MapRunCounter(long totalItems)
{
    private readonly object sync = new();
    private readonly Dictionary<string, (long Children, long Items)> byStatus = new(StringComparer.Ordinal);

    public long TotalItems { get; } = totalItems;

    public static MapRunCounter From(long totalItems, IEnumerable<MapRunStatusCount> counts)
    {
        var counter = new MapRunCounter(totalItems);
        foreach (var count in counts)
        {
            counter.byStatus[count.Status] = (count.Children, count.Items);
        }

        return counter;
    }

    /// <param name="from">The status the child had (pending a redrive), or null for a child never started.</param>
    public void Started(int items, string? from = null) => Move(from, "RUNNING", items);

    public void Ended(string status, int items) => Move("RUNNING", status, items);

    /// <summary>Failed, timed-out and aborted items: what the tolerated failure thresholds count.</summary>
    public long FailedItems
    {
        get
        {
            lock (sync)
            {
                return Get("FAILED").Items + Get("TIMED_OUT").Items + Get("ABORTED").Items;
            }
        }
    }

    public MapRunItemCounts Items() => Fill(new MapRunItemCounts(), c => c.Items, TotalItems);

    public MapRunExecutionCounts Executions() => Fill(new MapRunExecutionCounts(), c => c.Children, null);

    private T Fill<T>(T counts, Func<(long Children, long Items), long> pick, long? total)
        where T : MapRunItemCounts
    {
        lock (sync)
        {
            counts.Running = pick(Get("RUNNING"));
            counts.Succeeded = pick(Get("SUCCEEDED"));
            counts.Failed = pick(Get("FAILED"));
            counts.TimedOut = pick(Get("TIMED_OUT"));
            counts.Aborted = pick(Get("ABORTED"));
            counts.PendingRedrive = pick(Get(MapRunChildStatus.PendingRedrive));
            var started = counts.Running + counts.Succeeded + counts.Failed + counts.TimedOut + counts.Aborted + counts.PendingRedrive;

            // Executions not started yet do not exist; items not started yet are pending.
            counts.Pending = total is { } t ? Math.Max(0, t - started) : 0;
            counts.Total = total ?? started;
            counts.ResultsWritten = counts.Succeeded + counts.Failed + counts.TimedOut + counts.Aborted;
            return counts;
        }
    }

    private void Move(string? from, string to, int items)
    {
        lock (sync)
        {
            if (from is not null)
            {
                var old = Get(from);
                byStatus[from] = (old.Children - 1, old.Items - items);
            }

            var now = Get(to);
            byStatus[to] = (now.Children + 1, now.Items + items);
        }
    }

    private (long Children, long Items) Get(string status) => byStatus.GetValueOrDefault(status);
}
