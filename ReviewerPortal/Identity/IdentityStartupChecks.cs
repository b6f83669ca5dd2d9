namespace ReviewerPortal.Identity;

/// <summary>Refuses to start with a sign-in set-up that would be unsafe or cannot work, saying what to change (plainly: <see cref="ConfigurationErrors"/>).</summary>
public static class IdentityStartupChecks
{
    public static void Verify(IdentityOptions settings, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (settings.Mode == IdentityMode.Development && !environment.IsDevelopment())
        {
            throw new PortalConfigurationException(
                $"Identity:Mode is Development (persona sign-in, no passwords), which is allowed only in the Development environment, " +
                $"but the environment is '{environment.EnvironmentName}'. Set Identity:Mode=Oidc with Identity:Authority and Identity:ClientId, " +
                "or run with ASPNETCORE_ENVIRONMENT=Development on your own machine.");
        }

        if (settings.Mode == IdentityMode.Oidc)
        {
            if (settings.Authority is null || string.IsNullOrWhiteSpace(settings.ClientId))
            {
                throw new PortalConfigurationException(
                    "Identity:Mode is Oidc but Identity:Authority or Identity:ClientId is missing " +
                    "(for Entra ID: Authority=https://login.microsoftonline.com/<tenant-id>/v2.0, ClientId=<application id>).");
            }

            if (settings.Authority.Scheme != Uri.UriSchemeHttps && !Oidc.OidcMetadata.IsLoopback(settings.Authority))
            {
                throw new PortalConfigurationException($"Identity:Authority must use https (got {settings.Authority.GetLeftPart(UriPartial.Authority)}).");
            }
        }

        if (settings.MaxSessionLifetime <= TimeSpan.Zero || settings.IdleTimeout <= TimeSpan.Zero)
        {
            throw new PortalConfigurationException("Identity:IdleTimeout and Identity:MaxSessionLifetime must be positive.");
        }

        RoleMapping.Validate(settings.RoleMapping);
    }
}
