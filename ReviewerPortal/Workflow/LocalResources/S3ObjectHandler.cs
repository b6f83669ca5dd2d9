using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReviewerPortal.Drafts;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// S3 <c>getObject</c>, <c>headObject</c>, <c>putObject</c> and <c>copyObject</c> on the draft store (the draft folder in
/// Local mode), answering with the fields of S3's responses that the templates read.
/// </summary>
public sealed class S3ObjectHandler(IDraftStore drafts, TimeProvider clock) : ILocalResourceHandler
{
    private const string Service = "S3";

    /// <summary>Step Functions refuses state payloads above 256 KiB; a larger object cannot be returned to a state.</summary>
    private const long PayloadLimitBytes = 256 * 1024;

    /// <summary>Large enough for any text object the portal keeps; bigger ones are reported by size only.</summary>
    private const long InspectLimitBytes = 64L * 1024 * 1024;

    public bool CanHandle(string resource) =>
        resource is ResourceArns.S3GetObject or ResourceArns.S3HeadObject or ResourceArns.S3PutObject or ResourceArns.S3CopyObject;

    public async Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var response = invocation.Resource switch
        {
            ResourceArns.S3GetObject => await GetAsync(invocation, cancellationToken).ConfigureAwait(false),
            ResourceArns.S3HeadObject => await HeadAsync(invocation, cancellationToken).ConfigureAwait(false),
            ResourceArns.S3PutObject => await PutAsync(invocation, cancellationToken).ConfigureAwait(false),
            _ => await CopyAsync(invocation, cancellationToken).ConfigureAwait(false),
        };
        return ServiceResponse.From(response);
    }

    private async Task<JsonNode> GetAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        var location = LocationOf(invocation.RequiredString(Service, "Bucket"), invocation.RequiredString(Service, "Key"));
        var read = await ReadAsync(location, PayloadLimitBytes, cancellationToken).ConfigureAwait(false);
        if (read.Status == DraftReadStatus.TooLarge)
        {
            throw new ResourceFailedException(
                "States.DataLimitExceeded",
                $"The object is larger than the {PayloadLimitBytes}-byte state payload limit.");
        }

        return new JsonObject
        {
            ["Body"] = read.Text,
            ["ContentLength"] = Encoding.UTF8.GetByteCount(read.Text!),
            ["ContentType"] = "text/markdown; charset=utf-8",
            ["ETag"] = ETagOf(read.Sha256),
        };
    }

    private async Task<JsonNode> HeadAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        var location = LocationOf(invocation.RequiredString(Service, "Bucket"), invocation.RequiredString(Service, "Key"));
        var read = await ReadAsync(location, InspectLimitBytes, cancellationToken).ConfigureAwait(false);
        var size = read.Status == DraftReadStatus.TooLarge
            ? Math.Max(read.Size, InspectLimitBytes + 1)
            : Encoding.UTF8.GetByteCount(read.Text!);
        return new JsonObject
        {
            ["ContentLength"] = size,
            ["ContentType"] = "text/markdown; charset=utf-8",
            ["ETag"] = ETagOf(read.Sha256),
        };
    }

    private async Task<JsonNode> PutAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        var location = LocationOf(invocation.RequiredString(Service, "Bucket"), invocation.RequiredString(Service, "Key"));
        var body = invocation.Parameters?["Body"] switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonNode node => node.ToJsonString(),
            null => string.Empty,
        };
        var contentType = invocation.OptionalString("ContentType") ?? "text/plain; charset=utf-8";
        StoredObject stored;
        try
        {
            stored = await drafts.WriteTextAsync(location, body, contentType, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // The draft store refuses bucket or key names it cannot hold; S3 answers such a name with this error.
            throw new ResourceFailedException($"{Service}.InvalidBucketNameException", "The bucket or key is not valid.");
        }

        var result = new JsonObject { ["ETag"] = ETagOf(stored.Sha256) };
        if (stored.VersionId is { } version)
        {
            result["VersionId"] = version;
        }

        return result;
    }

    private async Task<JsonNode> CopyAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        var target = LocationOf(invocation.RequiredString(Service, "Bucket"), invocation.RequiredString(Service, "Key"));
        var source = SourceOf(invocation.RequiredString(Service, "CopySource"));
        var read = await ReadAsync(source, InspectLimitBytes, cancellationToken).ConfigureAwait(false);
        if (read.Status == DraftReadStatus.TooLarge)
        {
            throw new ResourceFailedException($"{Service}.S3Exception", "The copy source is too large for the local draft store.");
        }

        var stored = await drafts.WriteTextAsync(target, read.Text!, "text/markdown; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["CopyObjectResult"] = new JsonObject
            {
                ["ETag"] = ETagOf(stored.Sha256),
                ["LastModified"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
        };
    }

    private async Task<DraftReadResult> ReadAsync(string location, long maxBytes, CancellationToken cancellationToken)
    {
        var read = await drafts.ReadTextAsync(location, maxBytes, cancellationToken).ConfigureAwait(false);
        return read.Status switch
        {
            DraftReadStatus.Found or DraftReadStatus.TooLarge => read,
            DraftReadStatus.NotFound => throw new ResourceFailedException($"{Service}.NoSuchKeyException", "The specified key does not exist."),
            DraftReadStatus.NotUtf8 => throw new ResourceFailedException($"{Service}.S3Exception", "The object is not UTF-8 text."),
            _ => throw new ResourceFailedException($"{Service}.InvalidBucketNameException", "The bucket or key is not valid."),
        };
    }

    // S3 copy sources are "bucket/key", optionally with a leading slash and URL-encoded.
    private static string SourceOf(string copySource)
    {
        var decoded = Uri.UnescapeDataString(copySource.TrimStart('/'));
        var slash = decoded.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < decoded.Length - 1
            ? LocationOf(decoded[..slash], decoded[(slash + 1)..])
            : throw new ResourceFailedException($"{Service}.ValidationException", "CopySource must be bucket/key.");
    }

    private static string LocationOf(string bucket, string key) => $"s3://{bucket}/{key}";

    // An opaque entity tag, quoted as S3 quotes it; derived from the content so equal bodies have equal tags.
    private static string ETagOf(string? sha256) => "\"" + (sha256 is { Length: >= 32 } s ? s[..32] : string.Empty) + "\"";
}
