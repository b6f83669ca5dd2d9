namespace ReviewerPortal.Audit;

/// <summary>
/// Port for the append-only audit trail: who did what, when (sign-ins, claims, decisions, redrives, what the workflow
/// did). Entries are never changed or removed. SQLite (Local) and DynamoDB (Aws) implement it on the same table or
/// partitions as the review tasks (docs/contract.md, "Audit entries"); a change that must be audited atomically with a
/// task (a claim, a decision, an expiry) is written by the task store in its own transaction, not through this port.
/// </summary>
public interface IAuditTrail
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>One task's entries, oldest first (for an execution's redrives, the task id is the execution ARN).</summary>
    Task<IReadOnlyList<AuditEntry>> ListForTaskAsync(string taskId, CancellationToken cancellationToken = default);
}
