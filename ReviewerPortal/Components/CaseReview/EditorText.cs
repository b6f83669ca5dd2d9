namespace ReviewerPortal.Components.CaseReview;

/// <summary>What <see cref="ReportEditor"/> read from the screen: the text, or why it cannot be used.</summary>
public sealed record EditorText(string? Text, string? Problem);
