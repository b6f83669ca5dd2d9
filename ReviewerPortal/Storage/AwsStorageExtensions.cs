namespace ReviewerPortal.Storage;

/// <summary>Aws mode: DynamoDB for review tasks and S3 for drafts and reports.</summary>
public static class AwsStorageExtensions
{
    public static IServiceCollection AddAwsStorage(this IServiceCollection services) => services;
}
