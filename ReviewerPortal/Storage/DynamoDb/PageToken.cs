using System.Buffers.Text;
using System.Text.Json;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// The continuation token of a queue page: the queue, and the due time (as stored) and id of the page's last task.
/// The next page starts right after that (due time, id) pair, so tasks with equal due times page in id order, and a
/// task registered meanwhile shows up where it belongs. Opaque to callers; refused if it was not issued here.
/// </summary>
internal sealed record PageToken(string Queue, string DueAt, string TaskId)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Queue, DueAt, TaskId }));

    /// <exception cref="ArgumentException">The token was not issued by <see cref="Encode"/> for <paramref name="queue"/>.</exception>
    public static PageToken Decode(string token, string queue)
    {
        string[]? parts = null;
        try
        {
            parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        if (parts is not [{ } q, { Length: > 0 } due, { Length: > 0 } id] || q != queue)
        {
            throw new ArgumentException("The continuation token is not one this store issued for this queue.", nameof(token));
        }

        return new PageToken(q, due, id);
    }

    /// <summary>Whether a task sorts at or before this token's position: (due time, id) order, as text.</summary>
    public bool Covers(string dueAt, string taskId)
    {
        var byDue = string.CompareOrdinal(dueAt, DueAt);
        return byDue < 0 || (byDue == 0 && string.CompareOrdinal(taskId, TaskId) <= 0);
    }
}
