using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>
/// Local mode's kept edits: a row per reviewer and task in the portal's SQLite file, so a restart of the portal
/// restores them. The schema's trigger forgets a task's edits when it closes (SqliteSchema).
/// </summary>
public sealed class SqliteKeptEditStore(SqliteDatabase database, TimeProvider time) : IKeptEditStore
{
    public async Task KeepAsync(string reviewerId, string taskId, string text, CancellationToken cancellationToken = default)
    {
        KeptEditTooLargeException.ThrowIfTooLarge(text);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO kept_edits (task_id, reviewer_id, text, kept_at) VALUES ($task_id, $reviewer_id, $text, $kept_at)
            ON CONFLICT (task_id, reviewer_id) DO UPDATE SET text = excluded.text, kept_at = excluded.kept_at
            """;
        command.Parameters.AddWithValue("$task_id", taskId);
        command.Parameters.AddWithValue("$reviewer_id", reviewerId);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$kept_at", time.GetUtcNow().UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> FindAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM kept_edits WHERE task_id = $task_id AND reviewer_id = $reviewer_id";
        command.Parameters.AddWithValue("$task_id", taskId);
        command.Parameters.AddWithValue("$reviewer_id", reviewerId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task ForgetAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default) =>
        DeleteAsync("DELETE FROM kept_edits WHERE task_id = $task_id AND reviewer_id = $reviewer_id", taskId, reviewerId, cancellationToken);

    public Task ForgetTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        DeleteAsync("DELETE FROM kept_edits WHERE task_id = $task_id", taskId, null, cancellationToken);

    private async Task DeleteAsync(string sql, string taskId, string? reviewerId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$task_id", taskId);
        if (reviewerId is not null)
        {
            command.Parameters.AddWithValue("$reviewer_id", reviewerId);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
