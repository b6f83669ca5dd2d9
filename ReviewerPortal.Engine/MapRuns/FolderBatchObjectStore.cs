using System.Security.Cryptography;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Local mode's S3: <c>s3://bucket/key</c> is the file <c>{root}/{bucket}/{key}</c> (the same folder the draft and
/// report store uses). Keys that would leave the folder are refused.
/// </summary>
public sealed class FolderBatchObjectStore(string root) : IBatchObjectStore
{
    private readonly string root = Path.GetFullPath(root);

    public Stream? OpenRead(string bucket, string key)
    {
        var path = Resolve(bucket, key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan) : null;
    }

    public IEnumerable<BatchObject> List(string bucket, string? prefix)
    {
        var folder = Resolve(bucket, null);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        // S3 lists keys in UTF-8 byte order; ordinal order of the strings matches it for the keys a folder can hold.
        var keys = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => prefix is null || k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var info = new FileInfo(Path.Combine(folder, key));
            yield return new BatchObject(key, info.Length, info.LastWriteTimeUtc, ETagOf(info.FullName));
        }
    }

    public async Task<long> WriteAsync(string bucket, string key, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var path = Resolve(bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write beside the target and rename, so a reader never sees half a result file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await write(stream);
        }

        File.Move(temporary, path, overwrite: true);
        return new FileInfo(path).Length;
    }

    private string Resolve(string bucket, string? key)
    {
        var segments = key is null ? [] : key.Split('/');
        if (bucket.Length == 0 || bucket.StartsWith('.') || bucket.Contains('/', StringComparison.Ordinal)
            || segments.Any(s => s.Length == 0 || s is "." or ".." || s.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Not a valid S3 location: s3://{bucket}/{key}");
        }

        var path = Path.GetFullPath(Path.Combine([root, bucket, .. segments]));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"Not a valid S3 location: s3://{bucket}/{key}");
    }

    // S3's ETag of a single-part upload is the MD5 of the content, quoted.
    private static string ETagOf(string path)
    {
        using var stream = File.OpenRead(path);
#pragma warning disable CA5351 // MD5 is what S3's ETag is, not a security measure.
        return "\"" + Convert.ToHexStringLower(MD5.HashData(stream)) + "\"";
#pragma warning restore CA5351
    }
}
