using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using ReviewerPortal.Drafts;

namespace ReviewerPortal.Storage.S3;

/// <summary>
/// Drafts and final reports in S3. Reads stream the object and refuse it by its Content-Length (and again while
/// reading) before buffering more than the limit; writes request server-side encryption and store the SHA-256 as
/// metadata and as S3's own checksum, so S3 rejects a body that was corrupted on the way.
/// </summary>
public sealed class S3DraftStore(IAmazonS3 s3, IOptions<AwsOptions> options) : IDraftStore
{
    /// <summary>User metadata key (<c>x-amz-meta-sha256</c>) holding the lowercase hex SHA-256 of the object.</summary>
    public const string Sha256MetadataKey = "sha256";

    public async Task<DraftReadResult> ReadTextAsync(string location, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (!ObjectLocation.TryParse(location, out var at))
        {
            return new DraftReadResult(DraftReadStatus.InvalidLocation);
        }

        GetObjectResponse response;
        try
        {
            response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = at.Bucket, Key = at.Key }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return DraftReadResult.Missing;
        }

        using (response)
        {
            var size = response.Headers.ContentLength;
            if (size > maxBytes)
            {
                // Disposing the unread response aborts the download: nothing of the body is buffered.
                return new DraftReadResult(DraftReadStatus.TooLarge, Size: size);
            }

            if (!DraftContentHeaders.AllowsUtf8Text(response.Headers.ContentType, response.Headers.ContentEncoding))
            {
                return new DraftReadResult(DraftReadStatus.NotUtf8, Size: size);
            }

            var bytes = await ReadAtMostAsync(response.ResponseStream, maxBytes, cancellationToken).ConfigureAwait(false);
            // A versioned bucket names the exact version read, so a decision can cite what the clinician saw.
            var version = string.IsNullOrEmpty(response.VersionId) || response.VersionId == "null" ? null : response.VersionId;
            return bytes is null
                ? new DraftReadResult(DraftReadStatus.TooLarge, Size: Math.Max(size, maxBytes + 1))
                : DraftBytes.Decode(bytes) with { VersionId = version };
        }
    }

    public async Task<StoredObject> WriteTextAsync(string location, string text, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = ObjectLocation.TryParse(location, out var parsed)
            ? parsed
            : throw new ArgumentException("Not an s3://bucket/key location.", nameof(location));
        var bytes = DraftBytes.StrictUtf8.GetBytes(text);
        var sha256 = SHA256.HashData(bytes);
        using var body = new MemoryStream(bytes, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = at.Bucket,
            Key = at.Key,
            InputStream = body,
            ContentType = WithUtf8Charset(contentType),
            ChecksumSHA256 = Convert.ToBase64String(sha256),
        };
        request.Metadata.Add(Sha256MetadataKey, Convert.ToHexStringLower(sha256));
        RequestEncryption(request, options.Value.ReportKmsKeyId);

        var response = await s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return new StoredObject(at.ToString(), Convert.ToHexStringLower(sha256), response.VersionId);
    }

    private static void RequestEncryption(PutObjectRequest request, string? kmsKeyId)
    {
        if (string.IsNullOrWhiteSpace(kmsKeyId))
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256;
        }
        else
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
        }
    }

    private static string WithUtf8Charset(string contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? "text/plain; charset=utf-8"
        : contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) ? contentType
        : contentType + "; charset=utf-8";

    /// <summary>The whole stream, or null as soon as it proves longer than <paramref name="maxBytes"/> (a lying Content-Length).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
