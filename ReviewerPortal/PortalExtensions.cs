namespace ReviewerPortal;

/// <summary>Reads the portal's settings once at start-up; Program picks <see cref="LocalMode"/> or <see cref="AwsMode"/> by their mode.</summary>
public static class PortalExtensions
{
    public static PortalOptions AddPortalOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .Validate(o => o.MaxDraftBytes > 0, "Portal:MaxDraftBytes must be a positive number of bytes (default 2097152, 2 MiB).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Portal:DataDirectory must name a folder (default .data).")
            .ValidateOnStart();
        try
        {
            return builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the value it could not read, e.g. Portal:Mode=Remote.
            throw new PortalConfigurationException(e.Message + " Portal:Mode is Local or Aws.", e);
        }
    }
}
