namespace ReviewerPortal.Audit;

/// <summary>One append-only audit record: who did what to which task, when.</summary>
/// <param name="TaskId">The task acted on, or null for events such as sign-in.</param>
/// <param name="Action">A short verb: <c>claimed</c>, <c>released</c>, <c>decided</c>, <c>expired</c>, <c>signed-in</c>, …</param>
/// <param name="Detail">Free text without PHI.</param>
public sealed record AuditEntry(
    string? TaskId,
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    string Action,
    string? Detail);
