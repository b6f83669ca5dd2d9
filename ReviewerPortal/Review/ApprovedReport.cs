using System.Globalization;
using System.Text;
using ReviewerPortal.Drafts;

namespace ReviewerPortal.Review;

/// <summary>
/// The rules a report's text must meet before it may be approved and published, each refused with a sentence the
/// clinician can act on. Nothing is published while any rule fails.
/// </summary>
public static class ApprovedReport
{
    /// <summary>The largest report the portal publishes (1 MiB of UTF-8); README "Reviewing a case".</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Null when <paramref name="text"/> may be published; otherwise why not.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The report is empty. Nothing was published.";
        }

        if (bytes > MaxBytes)
        {
            return TooLarge(bytes);
        }

        if (ManualDrafting.HasPlaceholder(text))
        {
            return $"The report still contains “{ManualDrafting.Placeholder}”. Replace every placeholder section with your findings before approving. Nothing was published.";
        }

        return ReportProvenance.ContainsDisclaimer(text)
            ? "The report contains the AI-draft disclaimer line (“AI-generated draft … Not a final report.”). A published report never carries it: remove the line, then approve. Nothing was published."
            : null;
    }

    public static string TooLarge(long bytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"The report is {bytes / 1024.0:0.#} KiB; the largest report the portal publishes is {MaxBytes / 1024} KiB (1 MiB). Shorten it, then approve. Nothing was published.");

    /// <summary>The first 12 hex digits of a SHA-256, as shown to the clinician and matched in the audit trail.</summary>
    public static string ShortHash(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
