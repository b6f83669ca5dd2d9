namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// The S3 objects a Distributed Map reads items from and writes results to. Streams, never whole objects, so that a
/// Map Run of 100,000 items runs in bounded memory.
/// </summary>
public interface IBatchObjectStore
{
    /// <summary>Opens an object for reading; null when there is no such object.</summary>
    Stream? OpenRead(string bucket, string key);

    /// <summary>Objects whose key starts with <paramref name="prefix"/>, in key order, as listObjectsV2 lists them.</summary>
    IEnumerable<BatchObject> List(string bucket, string? prefix);

    /// <summary>Writes an object from a stream and returns its size in bytes.</summary>
    Task<long> WriteAsync(string bucket, string key, Func<Stream, Task> write, CancellationToken cancellationToken);
}

/// <summary>One object of a listing (the fields of listObjectsV2's Contents).</summary>
public sealed record BatchObject(string Key, long Size, DateTime LastModified, string ETag);
