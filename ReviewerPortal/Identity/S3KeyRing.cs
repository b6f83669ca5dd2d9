using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ReviewerPortal.Identity;

/// <summary>
/// The Data Protection key ring (which encrypts session and sign-in cookies) in S3, so every ECS task of the portal
/// reads the cookies the others wrote, and sessions survive a redeploy. Keys are few and change every 90 days, so the
/// synchronous interface the framework calls is served by blocking on the SDK.
/// </summary>
public sealed class S3KeyRing(IAmazonS3 s3, Uri location) : IXmlRepository
{
    private readonly string _bucket = location.Host;
    private readonly string _prefix = location.AbsolutePath.TrimStart('/');

    public IReadOnlyCollection<XElement> GetAllElements() => GetAllElementsAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreElementAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync()
    {
        var elements = new List<XElement>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                using var response = await s3.GetObjectAsync(_bucket, item.Key).ConfigureAwait(false);
                elements.Add(await XElement.LoadAsync(response.ResponseStream, LoadOptions.None, CancellationToken.None).ConfigureAwait(false));
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return elements;
    }

    private async Task StoreElementAsync(XElement element, string friendlyName)
    {
        using var body = new MemoryStream();
        await element.SaveAsync(body, SaveOptions.DisableFormatting, CancellationToken.None).ConfigureAwait(false);
        body.Position = 0;
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = $"{_prefix}{friendlyName}.xml",
            InputStream = body,
            ContentType = "application/xml",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
        }).ConfigureAwait(false);
    }

    /// <summary>Accepts <c>s3://bucket/prefix/</c> only, with the prefix ending in a slash so keys sit in their own folder.</summary>
    public static Uri ParseLocation(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != "s3" || string.IsNullOrEmpty(uri.Host)
            || !uri.AbsolutePath.EndsWith('/') || uri.AbsolutePath == "/")
        {
            throw new InvalidOperationException(
                $"Identity:KeyRing must look like s3://bucket/portal-keys/ (a bucket and a folder ending in '/'), got '{value}'.");
        }

        return uri;
    }
}
