using Microsoft.Data.Sqlite;

namespace ReviewerPortal.Tests.Storage.Sqlite;

/// <summary>Edits rows of a Local-mode task database behind the store's back, as a hand edit or a broken writer would.</summary>
public static class SqliteRows
{
    /// <param name="assignments">SQL <c>SET</c> assignments, e.g. <c>urgency = 'stat'</c>.</param>
    public static async Task UpdateAsync(string databaseFile, string taskId, string assignments)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE review_tasks SET {assignments} WHERE id = $id";
        command.Parameters.AddWithValue("$id", taskId);
        (await command.ExecuteNonQueryAsync()).Should().Be(1, $"task {taskId} must exist to be edited");
    }
}
