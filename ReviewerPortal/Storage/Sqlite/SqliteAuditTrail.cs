using ReviewerPortal.Audit;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>
/// The audit trail in the Local mode's SQLite file: the <c>audit</c> table the task store also writes to inside its
/// transactions (claims, decisions, expiries). The table refuses updates and deletes.
/// </summary>
public sealed class SqliteAuditTrail(SqliteDatabase database) : IAuditTrail
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = database.Open();
        await SqliteAudit.AppendAsync(connection, null, entry, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListForTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        return await SqliteAudit.ListAsync(connection, taskId, cancellationToken);
    }
}
