using ReviewerPortal.Drafts;

namespace ReviewerPortal.Review;

/// <summary>
/// What the review page shows: the task (null when the id is unknown) and its draft, or, once approved, the report that
/// was approved (<paramref name="Published"/>).
/// </summary>
public sealed record ReviewView(ReviewTask? Task, DraftView? Draft, DraftView? Published = null)
{
    /// <summary>Since when the current claim's holder has held the case (from the audit trail), when it is claimed.</summary>
    public DateTimeOffset? ClaimedSince { get; init; }
}

/// <summary>
/// A draft ready for the page: safe HTML when it could be read, otherwise a plain message saying why not.
/// </summary>
/// <param name="Sha256">Of the stored bytes, when they could be read.</param>
public sealed record DraftView(DraftReadStatus Status, string? Html, string? Message, string? Sha256 = null)
{
    /// <summary>The Markdown the page shows and an edit starts from (the AI disclaimer removed), when readable.</summary>
    public string? Text { get; init; }

    public bool IsReadable => Status == DraftReadStatus.Found;
}
