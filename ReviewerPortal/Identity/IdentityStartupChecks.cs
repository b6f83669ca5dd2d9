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
                $"but the environment is '{environment.EnvironmentName}'. Set Identity:Mode=Oidc with Identity:TenantId and Identity:ClientId, " +
                "or run with ASPNETCORE_ENVIRONMENT=Development on your own machine.");
        }

        if (settings.Mode == IdentityMode.Oidc)
        {
            VerifyEntra(settings);
        }

        if (settings.MaxSessionLifetime <= TimeSpan.Zero || settings.IdleTimeout <= TimeSpan.Zero)
        {
            throw new PortalConfigurationException("Identity:IdleTimeout and Identity:MaxSessionLifetime must be positive.");
        }

        RoleMapping.Validate(settings.RoleMapping);
    }

    private static void VerifyEntra(IdentityOptions settings)
    {
        if (settings.EffectiveAuthority is not { } authority || string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new PortalConfigurationException(
                "Identity:Mode is Oidc but Identity:TenantId (or Identity:Authority) or Identity:ClientId is missing " +
                "(for Entra ID: TenantId=<directory id>, ClientId=<application id>, ClientSecret=<secret>).");
        }

        if (authority.Scheme != Uri.UriSchemeHttps && !authority.IsLoopback)
        {
            throw new PortalConfigurationException($"Identity:Instance (or Identity:Authority) must use https (got {authority.GetLeftPart(UriPartial.Authority)}).");
        }

        if (settings.IsMultiTenant && settings.AllowedTenants.Count == 0)
        {
            throw new PortalConfigurationException(
                "Identity:TenantId is multi-tenant (organizations or common), so users of any Entra tenant could sign in: " +
                "list the tenants allowed in Identity:AllowedTenants:0, Identity:AllowedTenants:1, ….");
        }
    }
}
