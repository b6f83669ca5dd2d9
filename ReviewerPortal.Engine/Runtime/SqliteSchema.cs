namespace ReviewerPortal.Engine.Runtime;

/// <summary>The engine database's tables. WAL lets the API read while the writer commits.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS state_machines (arn TEXT PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS definitions (hash TEXT PRIMARY KEY, text TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS executions (
            arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, status TEXT NOT NULL, start_date INTEGER NOT NULL,
            definition_hash TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn, start_date);
        CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
        CREATE TABLE IF NOT EXISTS history (
            execution_arn TEXT NOT NULL, id INTEGER NOT NULL, frame TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL,
            PRIMARY KEY (execution_arn, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tokens (
            token TEXT PRIMARY KEY, execution_arn TEXT NOT NULL, attempt_key TEXT NOT NULL, spent INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS tokens_unspent ON tokens (spent);
        """;
}
