using System.Collections.Concurrent;
using ReviewerPortal.Audit;

namespace ReviewerPortal.Tests.Identity;

/// <summary>
/// Passes everything to the application's audit trail and keeps a copy of each entry appended, because sign-in entries
/// have no task id to list them by. <see cref="FailAppends"/> makes the audit trail fail, as an unreachable store would.
/// </summary>
public sealed class RecordingAuditTrail(IAuditTrail? inner = null) : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries];

    public bool FailAppends { get; set; }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        if (FailAppends)
        {
            throw new IOException("The audit trail is unavailable (test).");
        }

        if (inner is not null)
        {
            await inner.AppendAsync(entry, cancellationToken);
        }

        _entries.Enqueue(entry);
    }

    public Task<IReadOnlyList<AuditEntry>> ListForTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        (inner ?? throw new NotSupportedException("No audit trail is registered in this test application.")).ListForTaskAsync(taskId, cancellationToken);
}
