namespace ReviewerPortal.Review;

/// <summary>One pending review: a Step Functions task token waiting for a clinician's decision on an AI draft.</summary>
/// <remarks>Field meanings follow docs/contract.md ("The review-task item"); the review gate's putItem writes them.</remarks>
public sealed record ReviewTask
{
    public required string Id { get; init; }
    public required string TaskToken { get; init; }
    public required string ExecutionArn { get; init; }
    public required string CaseId { get; init; }
    public required string StudyDescription { get; init; }
    public required string Modality { get; init; }
    public required Urgency Urgency { get; init; }
    public required QueueName Queue { get; init; }

    /// <summary>Where the AI draft lives, as an <c>s3://bucket/key</c> URI in both modes.</summary>
    public required string DraftLocation { get; init; }

    /// <summary>When this attempt's gate item was written (a revision attempt's is the redraft's time).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the case first arrived for review (its workflow's start); null on items written before the gates carried it.</summary>
    public DateTimeOffset? FirstArrivedAt { get; init; }

    /// <summary>The case's original arrival: <see cref="FirstArrivedAt"/>, or this attempt's <see cref="CreatedAt"/> when unknown.</summary>
    public DateTimeOffset ArrivedAt => FirstArrivedAt ?? CreatedAt;

    public required DateTimeOffset DueAt { get; init; }
    public int Attempt { get; init; } = 1;
    public ReviewStatus Status { get; init; } = ReviewStatus.Pending;
    public ClaimLease? Claim { get; init; }
    public Decision? Decision { get; init; }

    /// <summary>Optimistic concurrency: every accepted write increments it.</summary>
    public long Version { get; init; }

    public bool IsOpen => Status is ReviewStatus.Pending or ReviewStatus.Claimed;

    /// <summary>The workflow found no valid AI draft and wrote its manual-drafting skeleton instead (never labelled AI).</summary>
    public bool IsManualDraft => Drafts.ManualDrafting.IsManualDraft(DraftLocation);

    public bool IsOverdue(DateTimeOffset now) => IsOpen && now > DueAt;

    /// <summary>A claim counts only until its lease runs out; after that anyone may claim.</summary>
    public bool IsClaimedByOtherThan(string reviewerId, DateTimeOffset now) =>
        Status == ReviewStatus.Claimed && Claim is { } c && c.Until > now && c.ReviewerId != reviewerId;
}
