using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.S3;

namespace ReviewerPortal.Tests.Storage.S3;

/// <summary>A fresh bucket on moto's S3 and an <see cref="S3DraftStore"/> configured the way Aws mode configures it.</summary>
public sealed class DraftBucket
{
    private DraftBucket(IAmazonS3 client, AwsOptions options)
    {
        Client = client;
        Options = options;
    }

    public IAmazonS3 Client { get; }

    public AwsOptions Options { get; }

    public string Name => Options.DraftBucket!;

    public S3DraftStore Store => new(Client, Microsoft.Extensions.Options.Options.Create(Options));

    public static async Task<DraftBucket> CreateAsync(Uri serviceUrl, string? name = null, bool versioned = false)
    {
        var options = new AwsOptions
        {
            Region = "us-east-1",
            TableName = "unused",
            DraftBucket = name ?? "drafts-" + Guid.NewGuid().ToString("N")[..12],
            ServiceUrls = { S3 = serviceUrl },
        };
        var client = new AmazonS3Client(new BasicAWSCredentials("testing", "testing"), AwsClientConfigs.S3(options));
        await client.PutBucketAsync(new PutBucketRequest { BucketName = options.DraftBucket });
        if (versioned)
        {
            await client.PutBucketVersioningAsync(new PutBucketVersioningRequest
            {
                BucketName = options.DraftBucket,
                VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
            });
        }

        return new DraftBucket(client, options);
    }

    public Task PutRawAsync(string key, byte[] bytes, string? contentType = null, string? contentEncoding = null)
    {
        var request = new PutObjectRequest { BucketName = Name, Key = key, InputStream = new MemoryStream(bytes), ContentType = contentType };
        if (contentEncoding is not null)
        {
            request.Headers.ContentEncoding = contentEncoding;
        }

        return Client.PutObjectAsync(request);
    }
}
