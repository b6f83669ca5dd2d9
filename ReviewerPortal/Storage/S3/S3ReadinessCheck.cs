using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Storage.S3;

/// <summary>The draft and report bucket is reachable with the portal's credentials (HeadBucket).</summary>
public sealed class S3ReadinessCheck(IAmazonS3 s3, IOptions<AwsOptions> options) : IHealthCheck
{
    public const string Name = "s3";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bucket = options.Value.DraftBucket;
        try
        {
            await s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (AmazonS3Exception e)
        {
            // HeadBucket answers without a body, so the SDK's message is empty: say what the status means.
            return HealthCheckResult.Unhealthy($"Bucket {bucket} answered {(int)e.StatusCode} ({e.StatusCode}).", e);
        }
    }
}
