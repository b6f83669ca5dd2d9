using ReviewerPortal.Drafts;

namespace ReviewerPortal.Storage.Files;

/// <summary>
/// Drafts and reports as files: <c>s3://bucket/key</c> lives at <c>{root}/{bucket}/{key}</c>. Keys that would leave
/// the root (<c>..</c>, empty or dot segments, backslashes) are refused as invalid locations.
/// </summary>
public sealed class FolderDraftStore(string root) : IDraftStore
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<DraftReadResult> ReadTextAsync(string location, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (Resolve(location) is not { } path)
        {
            return new DraftReadResult(DraftReadStatus.InvalidLocation);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return DraftReadResult.Missing;
        }

        await using (stream)
        {
            // Refuse by size before reading; then read at most one byte past the limit, in case the file grew.
            if (stream.Length > maxBytes)
            {
                return new DraftReadResult(DraftReadStatus.TooLarge, Size: stream.Length);
            }

            var buffer = new byte[checked((int)Math.Min(stream.Length, maxBytes) + 1)];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            if (read > maxBytes)
            {
                return new DraftReadResult(DraftReadStatus.TooLarge, Size: read);
            }

            return DraftBytes.Decode(buffer.AsSpan(0, read));
        }
    }

    public async Task<StoredObject> WriteTextAsync(string location, string text, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var path = Resolve(location) ?? throw new ArgumentException($"Not a writable s3://bucket/key location: {location}", nameof(location));
        var bytes = DraftBytes.StrictUtf8.GetBytes(text);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write beside the target and rename, so a reader never sees half a report.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return new StoredObject(location, DraftBytes.Sha256(bytes));
    }

    private string? Resolve(string location)
    {
        if (!ObjectLocation.TryParse(location, out var parsed))
        {
            return null;
        }

        var segments = parsed.Key.Split('/');
        if (parsed.Bucket.StartsWith('.') || segments.Any(s => s.Length == 0 || s is "." or ".." || s.Contains('\\', StringComparison.Ordinal)))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine([_root, parsed.Bucket, .. segments]));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }
}
