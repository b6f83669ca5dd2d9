using ReviewerPortal.Audit;

namespace ReviewerPortal.Review;

/// <summary>
/// Since when the current holder has held a claim, read from the task's audit trail (every claim, renewal, take-over
/// and release is written in the same transaction as the change itself), so no store keeps a second copy of it.
/// </summary>
public static class ClaimHistory
{
    /// <summary>
    /// When <paramref name="claim"/>'s holder took the case: their first claim, or the take-over that gave it to them,
    /// after the last time anyone else held it or it was released. Renewals do not move it. Null when the trail does
    /// not show it (for example a claim older than the audit trail).
    /// </summary>
    public static DateTimeOffset? HeldSince(IEnumerable<AuditEntry> trail, ClaimLease claim)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(claim);
        string? holder = null;
        DateTimeOffset? since = null;
        foreach (var entry in trail.OrderBy(e => e.At))
        {
            switch (entry.Action)
            {
                case "claimed" when holder != entry.ActorId:
                    (holder, since) = (entry.ActorId, entry.At);
                    break;
                case "claim-reassigned":
                    // "from A (a-id) to B (b-id)": the new holder is named last.
                    var to = entry.Detail?.EndsWith($"({claim.ReviewerId})", StringComparison.Ordinal) == true ? claim.ReviewerId : "someone else";
                    (holder, since) = (to, entry.At);
                    break;
                case "released" or "claim-released-by-force" or "claim-released-by-supervisor" or "decided" or "expired":
                    (holder, since) = (null, null);
                    break;
            }
        }

        return holder == claim.ReviewerId ? since : null;
    }
}
