namespace ReviewerPortal;

/// <summary>Which adapters run: embedded parts on this machine, or DynamoDB, S3 and AWS Step Functions.</summary>
public enum PortalMode
{
    Local,
    Aws,
}

/// <summary>Top-level settings of the portal, bound from the <c>Portal</c> section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public PortalMode Mode { get; set; } = PortalMode.Local;

    /// <summary>Folder for the embedded stores in Local mode (SQLite files and the draft folder).</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Drafts larger than this are refused with a clear message instead of being rendered.</summary>
    public long MaxDraftBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The version shown on the Operations page and in <c>/healthz</c>: the image tag in ECS (deploy/review-service.yaml
    /// sets it), else the assembly's informational version.
    /// </summary>
    public string? Version { get; set; }
}
