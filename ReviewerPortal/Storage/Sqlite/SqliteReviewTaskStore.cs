using Microsoft.Data.Sqlite;
using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>
/// Review tasks in the Local mode's SQLite file. Every change runs in one IMMEDIATE transaction that reads the task,
/// applies <see cref="ReviewTaskTransitions"/> and writes it back conditional on its version; committed changes are
/// then published to open pages.
/// </summary>
/// <remarks>
/// A row that cannot become a <see cref="ReviewTask"/> (edited by hand, written by an older or broken version) is
/// skipped by every read and reported to <see cref="MalformedTaskItems"/> for the Operations page, never thrown at a page.
/// </remarks>
public sealed partial class SqliteReviewTaskStore(SqliteDatabase database, ReviewTaskChanges changes, TimeProvider time, MalformedTaskItems? malformed = null) : IReviewTaskStore
{
    public const int MaxPageSize = 500;

    public async Task<ReviewTask> RegisterAsync(ReviewTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(task.Id);
        var stored = task with { Version = 1 };
        int inserted;
        await using (var connection = database.Open())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO review_tasks ({SqliteTaskRows.Columns}, open)
                VALUES ($id, $task_token, $execution_arn, $case_id, $study_description, $modality, $urgency, $queue,
                        $draft_location, $created_at, $due_at, $attempt, $status, $claimed_by, $claimed_by_name,
                        $claim_until, $decision, $version, $first_arrived_at, $open)
                ON CONFLICT (id) DO NOTHING
                """;
            SqliteTaskRows.Bind(command, stored);
            inserted = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (inserted == 0)
        {
            return await GetAsync(task.Id, cancellationToken) ?? stored;
        }

        Publish(stored);
        return stored;
    }

    public async Task<ReviewTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        return await ReadTaskAsync(connection, null, taskId, cancellationToken);
    }

    public Task<StoreResult> ClaimAsync(string taskId, Reviewer reviewer, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            taskId,
            task => ReviewTaskTransitions.Claim(task, reviewer, leaseUntil, time.GetUtcNow()),
            _ => ReviewTaskTransitions.ClaimAudit(taskId, time.GetUtcNow(), reviewer, leaseUntil),
            cancellationToken);

    public Task<StoreResult> RenewClaimAsync(string taskId, string reviewerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        ChangeAsync(taskId, task => ReviewTaskTransitions.RenewClaim(task, reviewerId, leaseUntil, time.GetUtcNow()), null, cancellationToken);

    public Task<StoreResult> ReleaseAsync(string taskId, Reviewer reviewer, bool force = false, CancellationToken cancellationToken = default)
    {
        ClaimLease? released = null;
        return ChangeAsync(
            taskId,
            task =>
            {
                released = task.Claim;
                return ReviewTaskTransitions.Release(task, reviewer, force);
            },
            _ => ReviewTaskTransitions.ReleaseAudit(taskId, time.GetUtcNow(), reviewer, released, force),
            cancellationToken);
    }

    public Task<StoreResult> OverrideClaimAsync(string taskId, string expectedHolderId, Reviewer supervisor, ClaimLease? reassignTo, CancellationToken cancellationToken = default)
    {
        ClaimLease? previous = null;
        return ChangeAsync(
            taskId,
            task =>
            {
                previous = task.Claim;
                return ReviewTaskTransitions.OverrideClaim(task, expectedHolderId, reassignTo, time.GetUtcNow());
            },
            _ => ReviewTaskTransitions.OverrideAudit(taskId, time.GetUtcNow(), supervisor, previous!, reassignTo),
            cancellationToken);
    }

    public Task<StoreResult> RecordDecisionAsync(string taskId, Decision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return ChangeAsync(
            taskId,
            task => ReviewTaskTransitions.RecordDecision(task, decision, time.GetUtcNow()),
            _ => ReviewTaskTransitions.DecisionAudit(taskId, decision),
            cancellationToken,
            requiredHolderId: decision.Reviewer.Id);
    }

    public Task<StoreResult> CompleteDecisionAsync(string taskId, CancellationToken cancellationToken = default) =>
        ChangeAsync(taskId, ReviewTaskTransitions.CompleteDecision, null, cancellationToken);

    public Task<StoreResult> MarkExpiredAsync(string taskId, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            taskId,
            task => ReviewTaskTransitions.MarkExpired(task),
            _ => ReviewTaskTransitions.ExpiryAudit(taskId, time.GetUtcNow(), reason),
            cancellationToken);

    public Task<StoreResult> CloseOpenAsync(string taskId, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            taskId,
            task => ReviewTaskTransitions.MarkExpired(task, openOnly: true),
            _ => ReviewTaskTransitions.ExpiryAudit(taskId, time.GetUtcNow(), reason),
            cancellationToken);

    /// <summary>Reads, transitions and writes one task (plus its audit entry) in one transaction, then publishes.</summary>
    private async Task<StoreResult> ChangeAsync(
        string taskId,
        Func<ReviewTask, ReviewTask?> transition,
        Func<ReviewTask, AuditEntry?>? audit,
        CancellationToken cancellationToken,
        string? requiredHolderId = null)
    {
        ReviewTask next;
        await using (var connection = database.Open())
        {
            // IMMEDIATE: take the write lock before reading, so no other writer can slip in between.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var current = await ReadTaskAsync(connection, transaction, taskId, cancellationToken);
            if (current is null)
            {
                return StoreResult.NotFound;
            }

            var changed = transition(current);
            if (changed is null)
            {
                return new StoreResult(StoreResultKind.Conflict, current);
            }

            next = changed;
            if (!await WriteAsync(connection, transaction, next, current.Version, requiredHolderId, cancellationToken))
            {
                return new StoreResult(StoreResultKind.Conflict, current);
            }

            if (audit?.Invoke(next) is { } entry)
            {
                await SqliteAudit.AppendAsync(connection, transaction, entry, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Publish(next);
        return new StoreResult(StoreResultKind.Applied, next);
    }

    /// <param name="requiredHolderId">
    /// When set (a decision), the row must also still be CLAIMED by this reviewer under a live lease: the claim rule is
    /// part of the write's own condition, not only of the transition that ran before it.
    /// </param>
    private async Task<bool> WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, ReviewTask task, long expectedVersion, string? requiredHolderId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE review_tasks
            SET status = $status, open = $open, claimed_by = $claimed_by, claimed_by_name = $claimed_by_name,
                claim_until = $claim_until, decision = $decision, version = $version
            WHERE id = $id AND version = $expected_version
              AND ($holder IS NULL OR (status = 'CLAIMED' AND claimed_by = $holder AND claim_until > $now))
            """;
        SqliteTaskRows.Bind(command, task);
        command.Parameters.AddWithValue("$expected_version", expectedVersion);
        command.Parameters.AddWithValue("$holder", (object?)requiredHolderId ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<ReviewTask?> ReadTaskAsync(SqliteConnection connection, SqliteTransaction? transaction, string taskId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SqliteTaskRows.Columns} FROM review_tasks WHERE id = $id";
        command.Parameters.AddWithValue("$id", taskId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOrReport(reader) : null;
    }

    /// <summary>The row's task, or null (reported for operators) when the row is malformed.</summary>
    private ReviewTask? ReadOrReport(SqliteDataReader row)
    {
        if (SqliteTaskRows.TryRead(row, out var task, out var problems))
        {
            malformed?.Resolve(task.Id);
            return task;
        }

        malformed?.Report(row.GetString(0), problems);
        return null;
    }

    private void Publish(ReviewTask task) => changes.Publish(new ReviewTaskChanged(task.Id, task.Queue, task.Status));
}
