using ReviewerPortal.Identity;

namespace ReviewerPortal.Review;

public enum DecisionOutcome
{
    Approved,
    Rejected,
}

/// <summary>
/// A clinician's decision, recorded durably before it is sent to Step Functions.
/// Approvals carry the final report's location and hashes; rejections carry the reason.
/// </summary>
public sealed record Decision
{
    public required DecisionOutcome Outcome { get; init; }
    public required Reviewer Reviewer { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>Required for a rejection: it becomes the SendTaskFailure cause and the revision prompt.</summary>
    public string? Reason { get; init; }

    public string? FinalReportLocation { get; init; }
    public bool EditedFromDraft { get; init; }
    public string? DraftSha256 { get; init; }
    public string? FinalSha256 { get; init; }
    public string? Attestation { get; init; }

    /// <summary>An approval's changes against the draft as shown (<see cref="LineDiff"/>); null when approved as drafted.</summary>
    public string? EditDiff { get; init; }

    /// <summary>A rejection's category, also prefixed to <see cref="Reason"/> so the workflow's cause carries it.</summary>
    public RejectCategory? RejectCategory { get; init; }
}
