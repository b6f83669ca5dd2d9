using System.Text.RegularExpressions;

namespace ReviewerPortal.Drafts;

/// <summary>
/// Keeps provenance out of the report text: the model's closing "AI-generated draft … Not a final report." line is a
/// label shown beside the draft, never a line of what is edited, approved or published (README, "Reviewing a case safely").
/// </summary>
public static partial class ReportProvenance
{
    /// <summary>The draft as the clinician reads and edits it: the model's disclaimer lines removed, one final newline.</summary>
    public static string WithoutDisclaimer(string draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var kept = draft.ReplaceLineEndings("\n").Split('\n').Where(line => !IsDisclaimer(line));
        return string.Join('\n', kept).TrimEnd('\n', ' ') + "\n";
    }

    /// <summary>Whether any line of <paramref name="text"/> is an AI-draft disclaimer.</summary>
    public static bool ContainsDisclaimer(string text) => text.ReplaceLineEndings("\n").Split('\n').Any(IsDisclaimer);

    private static bool IsDisclaimer(string line) => DisclaimerLine().IsMatch(line);

    // "_AI-generated draft for review by a reporting radiologist. Not a final report._" and its wordings.
    [GeneratedRegex(@"^[\W_]*AI[- ]generated draft\b.*\bnot a final report[\W_]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisclaimerLine();
}
