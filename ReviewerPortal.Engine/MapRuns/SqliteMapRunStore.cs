using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using ReviewerPortal.Engine.Sqlite;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Map Runs in the engine's SQLite file, written through the engine's single group-committing writer so that a Map
/// Run and the parent's MapRunStarted event land in the same order they were made. A child is one compact row.
/// </summary>
internal sealed class SqliteMapRunStore : IMapRunStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS map_runs (arn TEXT PRIMARY KEY, execution_arn TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS map_runs_by_execution ON map_runs (execution_arn);
        CREATE TABLE IF NOT EXISTS map_run_children (
            map_run_arn TEXT NOT NULL, idx INTEGER NOT NULL, execution_arn TEXT NOT NULL, status TEXT NOT NULL,
            items INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (map_run_arn, idx)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS map_run_children_by_execution ON map_run_children (execution_arn);
        """;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly SqliteWriteQueue writes;
    private readonly SqliteReads reads;

    public SqliteMapRunStore(string connectionString, SqliteWriteQueue writes)
    {
        this.writes = writes;
        reads = new SqliteReads(connectionString, writes);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public void SaveMapRun(MapRunRecord record) =>
        writes.Enqueue(
            "INSERT OR REPLACE INTO map_runs(arn, execution_arn, json) VALUES ($0, $1, $2)",
            record.Arn, record.ExecutionArn, JsonSerializer.Serialize(record, Json));

    public async Task<MapRunRecord?> GetMapRunAsync(string mapRunArn) =>
        (await QueryAsync("SELECT json FROM map_runs WHERE arn = $0", [mapRunArn], r => JsonSerializer.Deserialize<MapRunRecord>(r.GetString(0), Json)!)) is [var found, ..] ? found : null;

    public async Task<IReadOnlyList<MapRunRecord>> ListMapRunsAsync(string executionArn) =>
        [.. (await QueryAsync("SELECT json FROM map_runs WHERE execution_arn = $0", [executionArn], r => JsonSerializer.Deserialize<MapRunRecord>(r.GetString(0), Json)!))
            .OrderBy(r => r.StartDate).ThenBy(r => r.Arn, StringComparer.Ordinal)];

    public void SaveChild(MapRunChild child) =>
        writes.Enqueue(
            "INSERT OR REPLACE INTO map_run_children(map_run_arn, idx, execution_arn, status, items, json) VALUES ($0, $1, $2, $3, $4, $5)",
            child.MapRunArn, child.Index, child.ExecutionArn, child.Status, child.ItemCount, JsonSerializer.Serialize(child, Json));

    public Task<IReadOnlyList<MapRunChild>> ListChildrenAsync(string mapRunArn, string? status = null, int afterIndex = -1, int limit = 1000) =>
        status is null
            ? QueryAsync("SELECT json FROM map_run_children WHERE map_run_arn = $0 AND idx > $1 ORDER BY idx LIMIT $2", [mapRunArn, afterIndex, limit], ReadChild)
            : QueryAsync("SELECT json FROM map_run_children WHERE map_run_arn = $0 AND idx > $1 AND status = $3 ORDER BY idx LIMIT $2", [mapRunArn, afterIndex, limit, status], ReadChild);

    public Task<IReadOnlyList<MapRunStatusCount>> CountChildrenAsync(string mapRunArn) =>
        QueryAsync(
            "SELECT status, COUNT(*), SUM(items) FROM map_run_children WHERE map_run_arn = $0 GROUP BY status",
            [mapRunArn],
            r => new MapRunStatusCount(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));

    public async Task<MapRunChild?> FindChildAsync(string executionArn) =>
        (await QueryAsync("SELECT json FROM map_run_children WHERE execution_arn = $0", [executionArn], ReadChild)) is [var found, ..] ? found : null;

    private static MapRunChild ReadChild(SqliteDataReader r) => JsonSerializer.Deserialize<MapRunChild>(r.GetString(0), Json)!;

    // Reads see this store's own writes and the engine's: one writer, flushed before each read.
    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object[] values, Func<SqliteDataReader, T> read) => reads.QueryAsync(sql, values, read);
}
