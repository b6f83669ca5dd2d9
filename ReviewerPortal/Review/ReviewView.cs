using ReviewerPortal.Drafts;

namespace ReviewerPortal.Review;

/// <summary>What the review page shows: the task (null when the id is unknown) and its draft.</summary>
public sealed record ReviewView(ReviewTask? Task, DraftView? Draft);

/// <summary>
/// A draft ready for the page: safe HTML when it could be read, otherwise a plain message saying why not.
/// </summary>
/// <param name="Sha256">Of the stored bytes, when they could be read.</param>
public sealed record DraftView(DraftReadStatus Status, string? Html, string? Message, string? Sha256 = null)
{
    public bool IsReadable => Status == DraftReadStatus.Found;
}
