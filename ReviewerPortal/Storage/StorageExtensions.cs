using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewerPortal.Operations.Health;

namespace ReviewerPortal.Storage;

/// <summary>Registers the task store and draft store of the configured mode, and the readiness checks of its dependencies.</summary>
public static class StorageExtensions
{
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(portal);

        // Both modes: stores and the local engine's DynamoDB handler report unreadable task items here for operators.
        services.TryAddSingleton<MalformedTaskItems>();

        // The workflow engine is the one dependency besides storage; /readyz reports it beside the stores.
        services.AddReadinessCheck<StepFunctionsReadinessCheck>(StepFunctionsReadinessCheck.Name);
        return portal.Mode switch
        {
            PortalMode.Aws => services.AddAwsStorage(),
            _ => services.AddLocalStorage()
                .AddReadinessCheck<TaskStoreReadinessCheck>(TaskStoreReadinessCheck.Name)
                .AddReadinessCheck<DraftStoreReadinessCheck>(DraftStoreReadinessCheck.Name),
        };
    }
}
