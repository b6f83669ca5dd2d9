namespace ReviewerPortal.Demo;

/// <summary>Local mode's demo cases; the only place that decides whether they are seeded.</summary>
public static class DemoExtensions
{
    public static IServiceCollection AddDemoCases(this IServiceCollection services, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        if (portal.Mode == PortalMode.Local)
        {
            services.AddHostedService<DemoSeeder>();
        }

        return services;
    }
}
