using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Sqlite;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// The engine's durable store: one SQLite file (WAL) with state machines, executions, an append-only history per
/// execution and the callback tokens. Writes go through one group-committing writer; reads first wait for it, so a
/// caller always reads its own writes.
/// </summary>
internal sealed class SqliteEngineStore : IEngineStore
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly string connectionString;
    private readonly SqliteWriteQueue writes;
    private readonly SqliteReads reads;
    private readonly HashSet<string> knownDefinitions = new(StringComparer.Ordinal);

    public SqliteEngineStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using (var connection = Open())
        {
            Run(connection, SqliteSchema.Create);
        }

        writes = new SqliteWriteQueue(connectionString);
        reads = new SqliteReads(connectionString, writes);
        MapRuns = new MapRuns.SqliteMapRunStore(connectionString, writes);
    }

    public MapRuns.IMapRunStore MapRuns { get; }

    public void Append(string executionArn, string frame, int sequence, HistoryEvent historyEvent) =>
        writes.Enqueue(
            "INSERT INTO history(execution_arn, id, frame, seq, json) VALUES ($0, $1, $2, $3, $4)",
            executionArn, historyEvent.Id, frame, sequence, JsonSerializer.Serialize(historyEvent, Json));

    public Task FlushAsync() => writes.FlushAsync();

    public void SaveToken(CallbackToken token) =>
        writes.Enqueue(
            "INSERT OR REPLACE INTO tokens(token, execution_arn, attempt_key, spent, json) VALUES ($0, $1, $2, $3, $4)",
            token.Token, token.ExecutionArn, token.AttemptKey, token.Closed ? 1 : 0, JsonSerializer.Serialize(TokenState.Of(token), Json));

    public async Task<CallbackToken?> FindTokenAsync(string token) =>
        FirstOrNull(await reads.QueryAsync("SELECT token, execution_arn, attempt_key, json FROM tokens WHERE token = $0", [token], ReadToken));

    public async Task SaveStateMachineAsync(StateMachineRecord record)
    {
        writes.Enqueue("INSERT OR REPLACE INTO state_machines(arn, json) VALUES ($0, $1)", record.Arn, JsonSerializer.Serialize(record, Json));
        await writes.FlushAsync();
    }

    public async Task<StateMachineRecord?> GetStateMachineAsync(string arn) =>
        FirstOrNull(await reads.QueryAsync("SELECT json FROM state_machines WHERE arn = $0", [arn], r => JsonSerializer.Deserialize<StateMachineRecord>(r.GetString(0), Json)!));

    public async Task<IReadOnlyList<StateMachineRecord>> ListStateMachinesAsync() =>
        [.. (await reads.QueryAsync("SELECT json FROM state_machines", [], r => JsonSerializer.Deserialize<StateMachineRecord>(r.GetString(0), Json)!)).OrderBy(m => m.Name, StringComparer.Ordinal)];

    public async Task DeleteStateMachineAsync(string arn)
    {
        writes.Enqueue("DELETE FROM state_machines WHERE arn = $0", arn);
        await writes.FlushAsync();
    }

    public async Task<bool> TryAddExecutionAsync(ExecutionRecord record)
    {
        if (await GetExecutionAsync(record.Arn) is not null)
        {
            return false;
        }

        await SaveExecutionAsync(record);
        return true;
    }

    public Task SaveExecutionAsync(ExecutionRecord record)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(record.Definition)));
        lock (knownDefinitions)
        {
            if (knownDefinitions.Add(hash))
            {
                writes.Enqueue("INSERT OR IGNORE INTO definitions(hash, text) VALUES ($0, $1)", hash, record.Definition);
            }
        }

        writes.Enqueue(
            "INSERT OR REPLACE INTO executions(arn, state_machine_arn, status, start_date, definition_hash, json) VALUES ($0, $1, $2, $3, $4, $5)",
            record.Arn, record.StateMachineArn, record.Status, record.StartDate.Ticks, hash, JsonSerializer.Serialize(record with { Definition = string.Empty }, Json));
        return Task.CompletedTask;
    }

    public async Task<ExecutionRecord?> GetExecutionAsync(string arn) =>
        FirstOrNull(await reads.QueryAsync(ExecutionSelect + " WHERE e.arn = $0", [arn], ReadExecution));

    public async Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(string stateMachineArn, string? status) =>
        status is null
            ? await reads.QueryAsync(ExecutionSelect + " WHERE e.state_machine_arn = $0 ORDER BY e.start_date DESC, e.arn DESC", [stateMachineArn], ReadExecution)
            : await reads.QueryAsync(ExecutionSelect + " WHERE e.state_machine_arn = $0 AND e.status = $1 ORDER BY e.start_date DESC, e.arn DESC", [stateMachineArn, status], ReadExecution);

    public Task<IReadOnlyList<ExecutionRecord>> RunningExecutionsAsync() =>
        reads.QueryAsync(ExecutionSelect + " WHERE e.status = 'RUNNING'", [], ReadExecution);

    public Task<IReadOnlyList<RecordedEvent>> ReadHistoryAsync(string executionArn) =>
        reads.QueryAsync(
            "SELECT frame, seq, json FROM history WHERE execution_arn = $0 ORDER BY id",
            [executionArn],
            r => new RecordedEvent(r.GetString(0), r.GetInt32(1), JsonSerializer.Deserialize<HistoryEvent>(r.GetString(2), Json)!));

    public Task<IReadOnlyList<CallbackToken>> UnspentTokensAsync() =>
        reads.QueryAsync("SELECT token, execution_arn, attempt_key, json FROM tokens WHERE spent = 0", [], ReadToken);

    private static CallbackToken ReadToken(SqliteDataReader r) =>
        JsonSerializer.Deserialize<TokenState>(r.GetString(3), Json)!.ToToken(r.GetString(0), r.GetString(1), r.GetString(2));

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    private const string ExecutionSelect = "SELECT e.json, d.text FROM executions e JOIN definitions d ON d.hash = e.definition_hash";

    private static T? FirstOrNull<T>(IReadOnlyList<T> rows)
        where T : class => rows.Count > 0 ? rows[0] : null;

    private static ExecutionRecord ReadExecution(SqliteDataReader reader) =>
        JsonSerializer.Deserialize<ExecutionRecord>(reader.GetString(0), Json)! with { Definition = reader.GetString(1) };

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant schema text.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    /// <summary>The part of a callback token that changes over its life, as stored.</summary>
    private sealed record TokenState(DateTimeOffset LastHeartbeat, CallbackOutcome? Outcome, bool Closed)
    {
        public static TokenState Of(CallbackToken token) => new(token.LastHeartbeat, token.Outcome, token.Closed);

        public CallbackToken ToToken(string token, string executionArn, string attemptKey) =>
            new(token, executionArn, attemptKey, LastHeartbeat) { Outcome = Outcome, Closed = Closed };
    }
}
