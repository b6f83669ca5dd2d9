namespace ReviewerPortal;

/// <summary>Reads the portal's mode once at start-up; every area registers the adapters of that mode.</summary>
public static class PortalExtensions
{
    public static PortalOptions AddPortalOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        return builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
    }
}
