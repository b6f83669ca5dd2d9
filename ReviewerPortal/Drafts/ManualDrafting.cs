namespace ReviewerPortal.Drafts;

/// <summary>
/// The workflow's manual-drafting skeleton (study-review.asl.json, WriteManualDraft): written when no valid AI draft
/// exists, with placeholder sections a radiologist must replace. A placeholder is never publishable.
/// </summary>
public static class ManualDrafting
{
    public const string Placeholder = "[To be completed by the reporting radiologist.]";

    /// <summary>The template names manual drafts <c>…/manual-{attempt}.md</c>.</summary>
    public static bool IsManualDraft(string draftLocation) =>
        draftLocation.Contains("/manual-", StringComparison.Ordinal);

    public static bool HasPlaceholder(string text) => text.Contains(Placeholder, StringComparison.Ordinal);
}
