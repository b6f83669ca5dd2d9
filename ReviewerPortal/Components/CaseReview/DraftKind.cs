namespace ReviewerPortal.Components.CaseReview;

/// <summary>Where the text on the review page came from, which decides its label.</summary>
public enum DraftKind
{
    Ai,
    Manual,
    Published,
}
