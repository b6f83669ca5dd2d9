using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>The store's lists: open tasks of a queue by keyset paging, and tasks left in DECIDING.</summary>
public sealed partial class SqliteReviewTaskStore
{
    public async Task<TaskPage> ListOpenAsync(QueueName queue, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var after = continuationToken is null ? (KeysetToken?)null : KeysetToken.Decode(continuationToken);

        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = ListOpenSql(after is not null);
        command.Parameters.AddWithValue("$queue", SqliteTaskRows.Wire(queue));
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        if (after is { } key)
        {
            command.Parameters.AddWithValue("$after_due", key.DueTicks);
            command.Parameters.AddWithValue("$after_id", key.Id);
        }

        // Keys of every row read, malformed ones included, so that paging moves past a skipped row like any other.
        var rows = new List<(KeysetToken Key, ReviewTask? Task)>(pageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((new KeysetToken(reader.GetInt64(10), reader.GetString(0)), ReadOrReport(reader)));
            }
        }

        // One extra row tells whether another page exists, so the last page never hands out a token.
        var page = rows.Take(pageSize).ToList();
        var items = page.Select(r => r.Task).OfType<ReviewTask>().ToList();
        return rows.Count <= pageSize ? new TaskPage(items, null) : new TaskPage(items, page[^1].Key.Encode());
    }

    /// <summary>Row-value comparison keeps listing a single range scan of ix_review_tasks_queue_open_due.</summary>
    internal static string ListOpenSql(bool afterKey) => $"""
        SELECT {SqliteTaskRows.Columns} FROM review_tasks
        WHERE queue = $queue AND open = 1 {(afterKey ? "AND (due_at, id) > ($after_due, $after_id)" : "")}
        ORDER BY due_at, id
        LIMIT $limit
        """;

    public async Task<IReadOnlyList<ReviewTask>> ListDecidingAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteTaskRows.Columns} FROM review_tasks WHERE status = 'DECIDING' ORDER BY due_at, id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        var items = new List<ReviewTask>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (ReadOrReport(reader) is { } task)
            {
                items.Add(task);
            }
        }

        return items;
    }
}
