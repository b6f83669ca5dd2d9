namespace ReviewerPortal.Engine.MapRuns;

/// <summary>A Map Run being run: its record, counts and concurrency gate, which DescribeMapRun reads and UpdateMapRun changes.</summary>
internal sealed class LiveMapRun(MapRunRecord record, MapRunCounter counter, CancellationToken parentCancellation) : IDisposable
{
    private readonly object sync = new();
    private MapRunRecord record = record;

    public MapRunCounter Counter { get; } = counter;

    public AdjustableGate Gate { get; } = new(EffectiveConcurrency(record.MaxConcurrency));

    /// <summary>Cancelled when the tolerated failure threshold is exceeded: running children are aborted.</summary>
    public CancellationTokenSource Abort { get; } = CancellationTokenSource.CreateLinkedTokenSource(parentCancellation);

    public bool ThresholdExceeded { get; private set; }

    /// <summary>The local engine's cap when MaxConcurrency is 0 ("no limit"; the service caps at 10,000).</summary>
    public const int DefaultMaxConcurrency = 1000;

    public MapRunRecord Record
    {
        get
        {
            lock (sync)
            {
                return record;
            }
        }
    }

    public MapRunRecord Update(Func<MapRunRecord, MapRunRecord> change)
    {
        lock (sync)
        {
            record = change(record);
            Gate.Limit = EffectiveConcurrency(record.MaxConcurrency);
            return record;
        }
    }

    /// <summary>Checks the thresholds after a child failed; the first time they are exceeded, aborts the running children.</summary>
    public void CheckTolerance()
    {
        var settings = Record;
        var failed = Counter.FailedItems;
        var neither = settings.ToleratedFailureCount is null && settings.ToleratedFailurePercentage is null;
        var overCount = failed > (settings.ToleratedFailureCount ?? (neither ? 0 : long.MaxValue));
        var overPercentage = settings.ToleratedFailurePercentage is { } percentage && Counter.TotalItems > 0 && failed * 100.0 / Counter.TotalItems > percentage;
        bool exceeded;
        lock (sync)
        {
            exceeded = !ThresholdExceeded && (overCount || overPercentage);
            ThresholdExceeded |= exceeded;
        }

        if (exceeded)
        {
            Abort.Cancel();
        }
    }

    public static int EffectiveConcurrency(int maxConcurrency) => maxConcurrency <= 0 ? DefaultMaxConcurrency : maxConcurrency;

    public void Dispose() => Abort.Dispose();
}
