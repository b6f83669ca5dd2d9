using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace ReviewerPortal.Storage;

/// <summary>SDK client settings from <see cref="AwsOptions"/>: region or endpoint override, timeouts and retries.</summary>
public static class AwsClientConfigs
{
    public static AmazonDynamoDBConfig DynamoDb(AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig();
        Apply(config, options, options.ServiceUrls.DynamoDb);
        return config;
    }

    public static AmazonS3Config S3(AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config();
        Apply(config, options, options.ServiceUrls.S3);
        if (options.ServiceUrls.S3 is not null)
        {
            // S3-compatible endpoints (moto, VPC endpoints by IP) have no per-bucket host names.
            config.ForcePathStyle = true;
        }

        // Checksums only where S3 requires them: we send our own SHA-256, and the SDK's default trailing CRC32
        // (aws-chunked uploads) is not understood by every S3-compatible endpoint.
        config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
        config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        return config;
    }

    private static void Apply(ClientConfig config, AwsOptions options, Uri? serviceUrl)
    {
        config.Timeout = options.RequestTimeout;
        config.MaxErrorRetry = options.MaxErrorRetry;
        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
    }
}
