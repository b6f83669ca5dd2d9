using ReviewerPortal.Identity;

namespace ReviewerPortal.Review;

/// <summary>An approval as the reviewer made it: the text they approve (null when unchanged) and their attestation.</summary>
public sealed record ApprovalRequest(string TaskId, Reviewer Reviewer, string? EditedText, string Attestation);

/// <summary>A rejection; the reason is required and becomes the revision prompt, prefixed by its category.</summary>
public sealed record RejectionRequest(string TaskId, Reviewer Reviewer, string Reason, RejectCategory? Category = null);

public enum DecisionResultKind
{
    /// <summary>Recorded and accepted by the workflow.</summary>
    Delivered,

    /// <summary>Recorded; Step Functions is unreachable right now and the reconciler will deliver it.</summary>
    Recorded,

    /// <summary>Someone else decided or holds the task; <see cref="DecisionResult.Task"/> says who.</summary>
    Conflict,

    /// <summary>The workflow stopped waiting (timed out or escalated); the task is closed.</summary>
    Closed,

    /// <summary>The request itself is not acceptable (missing reason, empty report, unreadable draft).</summary>
    Invalid,

    /// <summary>Step Functions refused the decision: an error for operators.</summary>
    Failed,
}

/// <summary>What happened to a decision, with a message for the reviewer.</summary>
public sealed record DecisionResult(DecisionResultKind Kind, string Message, ReviewTask? Task = null)
{
    public bool Succeeded => Kind is DecisionResultKind.Delivered or DecisionResultKind.Recorded;
}
