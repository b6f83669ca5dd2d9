using System.Collections.Concurrent;

namespace ReviewerPortal.Storage;

/// <summary>One stored task that could not be read, as operators see it: the task id and the faults, never values.</summary>
public sealed record MalformedTaskItemReport(
    string? TaskId,
    IReadOnlyList<string> Problems,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int TimesSeen);

/// <summary>
/// The stored tasks a store had to skip because they are malformed (missing token, unknown urgency, bad timestamp…),
/// kept for the Operations page. Lists skip such items rather than failing a page; this is where they stay visible.
/// One per process; bounded, so a flood of bad items cannot grow memory.
/// </summary>
public sealed partial class MalformedTaskItems(TimeProvider time, ILogger<MalformedTaskItems> logger)
{
    private const int MaxReports = 200;
    private const string WithoutId = "(without an id)";
    private readonly ConcurrentDictionary<string, MalformedTaskItemReport> _reports = new(StringComparer.Ordinal);

    /// <summary>The items skipped so far, most recently seen first.</summary>
    public IReadOnlyList<MalformedTaskItemReport> Current =>
        [.. _reports.Values.OrderByDescending(r => r.LastSeen)];

    /// <summary>Records that a read skipped an item; warns once per item (and again if its faults change).</summary>
    public void Report(string? taskId, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var now = time.GetUtcNow();
        var key = taskId ?? WithoutId;
        var isNew = false;
        _reports.AddOrUpdate(
            key,
            _ =>
            {
                isNew = true;
                return new MalformedTaskItemReport(taskId, problems, now, now, 1);
            },
            (_, old) =>
            {
                isNew = !old.Problems.SequenceEqual(problems);
                return old with { Problems = problems, LastSeen = now, TimesSeen = old.TimesSeen + 1 };
            });
        if (isNew)
        {
            // Task id and our own fault sentences only: the item's values may be PHI, and its token is a secret.
            LogSkipped(logger, key, string.Join("; ", problems));
        }

        TrimOldest();
    }

    /// <summary>Forgets an item that reads correctly again (fixed by hand, or closed and deleted).</summary>
    public void Resolve(string taskId) => _reports.TryRemove(taskId, out _);

    private void TrimOldest()
    {
        while (_reports.Count > MaxReports)
        {
            var oldest = _reports.Values.MinBy(r => r.LastSeen);
            if (oldest is null || !_reports.TryRemove(oldest.TaskId ?? WithoutId, out _))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped malformed review task {TaskId}: {Problems}")]
    private static partial void LogSkipped(ILogger logger, string taskId, string problems);
}
