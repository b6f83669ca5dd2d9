using Microsoft.Extensions.Options;
using ReviewerPortal.Demo;
using ReviewerPortal.Operations.Health;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Storage.S3;
using ReviewerPortal.Workflow;

namespace ReviewerPortal;

/// <summary>
/// Aws mode, production: review tasks in DynamoDB, drafts and reports in S3, the workflows on AWS Step Functions
/// through our SDK-shaped client, all in one region (<c>Aws:*</c>). No demo cases and no readable event bus.
/// The composition root: the one place, with <see cref="LocalMode"/>, that knows which adapters a mode uses.
/// </summary>
public static class AwsMode
{
    public static IServiceCollection AddAwsMode(this IServiceCollection services)
    {
        services.AddAwsStorage()
            .AddReadinessCheck<DynamoDbReadinessCheck>(DynamoDbReadinessCheck.Name)
            .AddReadinessCheck<S3ReadinessCheck>(S3ReadinessCheck.Name);

        services.AddStepFunctionsClient()
            .AddReadinessCheck<StepFunctionsReadinessCheck>(StepFunctionsReadinessCheck.Name);
        services.AddOptions<StepFunctionsClientOptions>().PostConfigure<IConfiguration>(InTheAwsRegion);

        services.AddSingleton<IDemoCases, NoDemoCases>();
        services.AddSingleton<IPublishedEvents, EventBridgeEvents>();
        return services;
    }

    /// <summary>
    /// One region and one set of endpoint overrides for the whole of Aws mode; StepFunctions:* still wins if set. Read
    /// from configuration, not IOptions&lt;AwsOptions&gt;, so a missing setting is reported once, by AwsOptionsValidation.
    /// </summary>
    private static void InTheAwsRegion(StepFunctionsClientOptions stepFunctions, IConfiguration configuration)
    {
        var aws = configuration.GetSection(AwsOptions.Section).Get<AwsOptions>() ?? new AwsOptions();

        // Whichever part of the portal reads these first, a missing Aws setting is reported by its own name.
        if (aws.MissingRequiredSettings() is { Count: > 0 } missing)
        {
            throw new OptionsValidationException(AwsOptions.Section, typeof(AwsOptions), [AwsOptionsValidation.MissingSettingsMessage(missing)]);
        }

        stepFunctions.Region ??= aws.Region;
        stepFunctions.ServiceUrl ??= aws.ServiceUrls.StepFunctions;
    }
}
