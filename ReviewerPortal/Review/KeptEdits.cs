using System.Collections.Concurrent;

namespace ReviewerPortal.Review;

/// <summary>
/// Each reviewer's in-progress edit of each task, kept on the server as they type, so a reload or a reconnect restores
/// it (README "Reviewing a case safely"). Held in this process's memory: a restart of the portal forgets them, which is
/// why the page also warns before it is left with unsent text.
/// </summary>
public sealed class KeptEdits
{
    /// <summary>Enough for every clinician's open edits; beyond it the oldest are forgotten, never the page's text.</summary>
    public const int MaxEdits = 500;

    private readonly ConcurrentDictionary<(string ReviewerId, string TaskId), (string Text, long Order)> _edits = new();
    private long _order;

    public void Keep(string reviewerId, string taskId, string text)
    {
        _edits[(reviewerId, taskId)] = (text, Interlocked.Increment(ref _order));
        while (_edits.Count > MaxEdits && _edits.MinBy(e => e.Value.Order) is var oldest && _edits.TryRemove(oldest.Key, out _))
        {
        }
    }

    public string? Find(string reviewerId, string taskId) => _edits.TryGetValue((reviewerId, taskId), out var kept) ? kept.Text : null;

    public void Forget(string reviewerId, string taskId) => _edits.TryRemove((reviewerId, taskId), out _);
}
