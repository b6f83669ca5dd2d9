using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Audit;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Storage.S3;

namespace ReviewerPortal.Storage;

/// <summary>Aws mode's stores: DynamoDB for review tasks and kept edits, S3 for drafts and reports.</summary>
public static class AwsStorageExtensions
{
    public static IServiceCollection AddAwsStorage(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidation>());
        services.TryAddSingleton<MalformedTaskItems>();

        // Credentials: an AWSCredentials registered in DI if there is one, else the SDK's default chain (ECS task role).
        services.AddSingleton<IAmazonDynamoDB>(sp =>
        {
            var config = AwsClientConfigs.DynamoDb(sp.GetRequiredService<IOptions<AwsOptions>>().Value);
            return sp.GetService<AWSCredentials>() is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
        });
        services.AddSingleton<IAmazonS3>(sp =>
        {
            var config = AwsClientConfigs.S3(sp.GetRequiredService<IOptions<AwsOptions>>().Value);
            return sp.GetService<AWSCredentials>() is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
        });
        services.AddSingleton<IReviewTaskStore, DynamoDbTaskStore>();
        services.AddSingleton<IAuditTrail, DynamoDbAuditTrail>();
        services.AddSingleton<IKeptEditStore, DynamoDbKeptEditStore>();
        services.AddSingleton<IDraftStore, S3DraftStore>();

        // Other ECS tasks write to the same table: one watcher per process carries their changes to live pages here.
        services.AddHostedService<ReviewTaskChangeWatcher>();

        // The review gate writes no due time (JSONPath cannot compute one); this gives new gate items theirs.
        services.AddSingleton<ReviewGateIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<ReviewGateIntake>());
        return services;
    }
}
