using Microsoft.Data.Sqlite;

namespace ReviewerPortal.Engine.Sqlite;

/// <summary>
/// Reads of the engine database that see the caller's own writes: everything queued on the single writer before a read
/// is committed first, then the read runs on a pooled connection of its own. The engine's and the Map Runs' stores
/// share it, as they share the writer.
/// </summary>
internal sealed class SqliteReads(string connectionString, SqliteWriteQueue writes)
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="values"/> as <c>$0</c>, <c>$1</c>, … and maps each row with <paramref name="read"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object[] values, Func<SqliteDataReader, T> read)
    {
        await writes.FlushAsync();
        await using var connection = new SqliteConnection(connectionString);
        connection.Open();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the SQL is one of the stores' constant statements; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + i, values[i]);
        }

        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(read(reader));
        }

        return result;
    }
}
