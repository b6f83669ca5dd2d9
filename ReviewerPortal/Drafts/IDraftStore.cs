namespace ReviewerPortal.Drafts;

/// <summary>
/// Port for draft and report objects addressed as <c>s3://bucket/key</c> in both modes: S3 in Aws mode, a folder
/// (<c>{root}/{bucket}/{key}</c>) in Local mode. Both implementations pass the same contract suite.
/// </summary>
public interface IDraftStore
{
    /// <summary>
    /// Reads a UTF-8 text object as a stream, refusing it before buffering when it exceeds <paramref name="maxBytes"/>.
    /// Never throws for missing, oversized or non-UTF-8 content: the result says which.
    /// </summary>
    Task<DraftReadResult> ReadTextAsync(string location, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>Writes a UTF-8 text object (a draft, or a final report) and returns its location and SHA-256.</summary>
    Task<StoredObject> WriteTextAsync(string location, string text, string contentType, CancellationToken cancellationToken = default);
}

public enum DraftReadStatus
{
    Found,
    NotFound,
    TooLarge,
    NotUtf8,
    InvalidLocation,
}

/// <summary>A draft's text with its SHA-256 (lowercase hex), or why it could not be read.</summary>
public sealed record DraftReadResult(DraftReadStatus Status, string? Text = null, string? Sha256 = null, long Size = 0)
{
    public static DraftReadResult Missing { get; } = new(DraftReadStatus.NotFound);

    /// <summary>The object version that was read, where the store is versioned (S3 with versioning on); else null.</summary>
    public string? VersionId { get; init; }
}

/// <summary>Where an object was written, its SHA-256 (lowercase hex) and, where the store is versioned, its version.</summary>
public sealed record StoredObject(string Location, string Sha256, string? VersionId = null);
