using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReviewerPortal.Storage;

/// <summary>Registers the task store and draft store of the configured mode.</summary>
public static class StorageExtensions
{
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(portal);

        // Both modes: stores and the local engine's DynamoDB handler report unreadable task items here for operators.
        services.TryAddSingleton<MalformedTaskItems>();
        return portal.Mode switch
        {
            PortalMode.Aws => services.AddAwsStorage(),
            _ => services.AddLocalStorage(),
        };
    }
}
