namespace ReviewerPortal.Storage.Sqlite;

/// <summary>Tables of the Local mode's task store; created if missing at start, never dropped.</summary>
internal static class SqliteSchema
{
    /// <remarks>
    /// Times are UTC ticks (exact, and they sort as numbers). <c>open</c> is 1 while a task is PENDING or CLAIMED: the
    /// queue index (queue, open, due_at, id) serves keyset paging, so listing a page reads only that page's rows
    /// however many tasks the table holds. The audit table refuses updates and deletes: it is append-only.
    /// kept_edits holds each reviewer's unsent edit of a task (IKeptEditStore); the trigger forgets a task's edits in
    /// the same transaction that records its decision or closes it, whoever or whatever closed it. A database from
    /// before kept edits were durable gains the table and trigger at start (IF NOT EXISTS).
    /// </remarks>
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS review_tasks (
            id                TEXT    NOT NULL PRIMARY KEY,
            task_token        TEXT    NOT NULL,
            execution_arn     TEXT    NOT NULL,
            case_id           TEXT    NOT NULL,
            study_description TEXT    NOT NULL,
            modality          TEXT    NOT NULL,
            urgency           TEXT    NOT NULL,
            queue             TEXT    NOT NULL,
            open              INTEGER NOT NULL,
            draft_location    TEXT    NOT NULL,
            created_at        INTEGER NOT NULL,
            due_at            INTEGER NOT NULL,
            attempt           INTEGER NOT NULL,
            status            TEXT    NOT NULL,
            claimed_by        TEXT,
            claimed_by_name   TEXT,
            claim_until       INTEGER,
            decision          TEXT,
            version           INTEGER NOT NULL,
            first_arrived_at  INTEGER
        ) STRICT;
        CREATE INDEX IF NOT EXISTS ix_review_tasks_queue_open_due ON review_tasks (queue, open, due_at, id);
        CREATE INDEX IF NOT EXISTS ix_review_tasks_status ON review_tasks (status);

        CREATE TABLE IF NOT EXISTS audit (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id    TEXT,
            at         INTEGER NOT NULL,
            actor_id   TEXT    NOT NULL,
            actor_name TEXT    NOT NULL,
            action     TEXT    NOT NULL,
            detail     TEXT
        ) STRICT;
        CREATE INDEX IF NOT EXISTS ix_audit_task ON audit (task_id, seq);
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

        CREATE TABLE IF NOT EXISTS kept_edits (
            task_id     TEXT    NOT NULL,
            reviewer_id TEXT    NOT NULL,
            text        TEXT    NOT NULL,
            kept_at     INTEGER NOT NULL,
            PRIMARY KEY (task_id, reviewer_id)
        ) STRICT;
        CREATE TRIGGER IF NOT EXISTS kept_edits_forgotten_on_close AFTER UPDATE OF open ON review_tasks
            WHEN OLD.open = 1 AND NEW.open = 0
            BEGIN DELETE FROM kept_edits WHERE task_id = NEW.id; END;
        """;

    /// <summary>
    /// Columns added after a release, each with the statement that adds it to a database created before it (SQLite has
    /// no ADD COLUMN IF NOT EXISTS): the data directory of an earlier version keeps working.
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Add)> AddedColumns =
    [
        ("review_tasks", "first_arrived_at", "ALTER TABLE review_tasks ADD COLUMN first_arrived_at INTEGER"),
    ];
}
