using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Review;

/// <summary>The SendTaskSuccess output and SendTaskFailure fields a decision becomes (docs/contract.md, "The decision").</summary>
public static class DecisionPayload
{
    public const string RejectionError = "ClinicianRejected";
    public const int MaxOutputBytes = 256 * 1024;
    public const int MaxCauseCharacters = 32_768;

    /// <summary>
    /// <c>{decision, reviewer, reviewedAt, finalReportUri, editedFromDraft, draftSha256, finalSha256, attestation}</c>,
    /// plus the final report's bucket and key so the workflow can copy it without parsing the URI.
    /// </summary>
    public static string ApprovalOutput(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var location = decision.FinalReportLocation ?? throw new ArgumentException("An approval needs the final report's location.", nameof(decision));
        var (bucket, key) = Split(location);
        var output = new JsonObject
        {
            ["decision"] = "approved",
            ["reviewer"] = new JsonObject { ["id"] = decision.Reviewer.Id, ["name"] = decision.Reviewer.DisplayName },
            ["reviewedAt"] = decision.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["finalReportUri"] = location,
            ["finalReportBucket"] = bucket,
            ["finalReportKey"] = key,
            ["editedFromDraft"] = decision.EditedFromDraft,
            ["draftSha256"] = decision.DraftSha256,
            ["finalSha256"] = decision.FinalSha256,
            ["attestation"] = decision.Attestation,
        };
        var json = output.ToJsonString();
        return Encoding.UTF8.GetByteCount(json) <= MaxOutputBytes
            ? json
            : throw new InvalidOperationException("The approval output exceeds Step Functions' 256 KiB limit.");
    }

    public static (string Bucket, string Key) Split(string location)
    {
        const string scheme = "s3://";
        var slash = location.StartsWith(scheme, StringComparison.Ordinal) ? location.IndexOf('/', scheme.Length) : -1;
        return slash > scheme.Length && slash < location.Length - 1
            ? (location[scheme.Length..slash], location[(slash + 1)..])
            : throw new FormatException("Not an s3://bucket/key location.");
    }
}
