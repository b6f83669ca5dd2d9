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
                "(for Entra ID: TenantId=<directory id>, ClientId=<application id>, and ClientSecret=<secret> or ClientCertificates).");
        }

        VerifyClientCredentials(settings);

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

    /// <summary>The code flow of a web app redeems its code as a confidential client: with a secret or a certificate, exactly one.</summary>
    private static void VerifyClientCredentials(IdentityOptions settings)
    {
        var hasSecret = !string.IsNullOrEmpty(settings.ClientSecret);
        var hasCertificate = settings.ClientCertificates.Count > 0;
        if (!hasSecret && !hasCertificate)
        {
            throw new PortalConfigurationException(
                "Identity:Mode is Oidc but neither Identity:ClientSecret nor Identity:ClientCertificates is set: the portal must prove " +
                "its identity to Entra ID to redeem a sign-in. Set Identity:ClientSecret=<secret>, or a certificate, e.g. " +
                "Identity:ClientCertificates:0:SourceType=Path, Identity:ClientCertificates:0:CertificateDiskPath=/run/secrets/portal.pfx, " +
                "Identity:ClientCertificates:0:CertificatePassword=<password>.");
        }

        if (hasSecret && hasCertificate)
        {
            throw new PortalConfigurationException(
                "Both Identity:ClientSecret and Identity:ClientCertificates are set; set only one (a certificate is the stronger choice).");
        }

        // Loaded now so an unreadable file stops the start with its name instead of failing the first user's sign-in. The
        // description keeps the loaded certificate, which sign-in then uses (so it is not disposed here).
        _ = Entra.ClientCertificates.Load(settings);
    }
}
