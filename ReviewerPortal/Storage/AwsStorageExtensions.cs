using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Audit;
using ReviewerPortal.Drafts;
using ReviewerPortal.Operations.Health;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Storage.S3;

namespace ReviewerPortal.Storage;

/// <summary>Aws mode: DynamoDB for review tasks and S3 for drafts and reports, with their readiness checks.</summary>
public static class AwsStorageExtensions
{
    public static IServiceCollection AddAwsStorage(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidation>());

        // One region and one set of endpoint overrides for the whole of Aws mode; StepFunctions:* still wins if set.
        // Read from configuration, not IOptions<AwsOptions>, so a missing setting is reported once, by AwsOptionsValidation.
        services.AddOptions<StepFunctionsClientOptions>().PostConfigure<IConfiguration>((stepFunctions, configuration) =>
        {
            var aws = configuration.GetSection(AwsOptions.Section).Get<AwsOptions>() ?? new AwsOptions();

            // Whichever part of the portal reads these first, a missing Aws setting is reported by its own name.
            if (aws.MissingRequiredSettings() is { Count: > 0 } missing)
            {
                throw new OptionsValidationException(AwsOptions.Section, typeof(AwsOptions), [AwsOptionsValidation.MissingSettingsMessage(missing)]);
            }

            stepFunctions.Region ??= aws.Region;
            stepFunctions.ServiceUrl ??= aws.ServiceUrls.StepFunctions;
        });

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

        services.AddReadinessCheck<DynamoDbReadinessCheck>(DynamoDbReadinessCheck.Name);
        services.AddReadinessCheck<S3ReadinessCheck>(S3ReadinessCheck.Name);
        return services;
    }
}
