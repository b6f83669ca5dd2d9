namespace ReviewerPortal.Storage;

/// <summary>Registers the task store and draft store of the configured mode.</summary>
public static class StorageExtensions
{
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, PortalOptions portal) =>
        portal.Mode switch
        {
            PortalMode.Aws => services.AddAwsStorage(),
            _ => services.AddLocalStorage(),
        };
}
