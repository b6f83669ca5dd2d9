using Microsoft.Data.Sqlite;
using ReviewerPortal.Audit;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>Appends to and reads the append-only <c>audit</c> table.</summary>
internal static class SqliteAudit
{
    public static async Task AppendAsync(SqliteConnection connection, SqliteTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit (task_id, at, actor_id, actor_name, action, detail)
            VALUES ($task_id, $at, $actor_id, $actor_name, $action, $detail)
            """;
        command.Parameters.AddWithValue("$task_id", (object?)entry.TaskId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", entry.At.UtcTicks);
        command.Parameters.AddWithValue("$actor_id", entry.ActorId);
        command.Parameters.AddWithValue("$actor_name", entry.ActorName);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<AuditEntry>> ListAsync(SqliteConnection connection, string taskId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT task_id, at, actor_id, actor_name, action, detail FROM audit WHERE task_id = $task_id ORDER BY seq";
        command.Parameters.AddWithValue("$task_id", taskId);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                SqliteTaskRows.FromTicks(reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }
}
