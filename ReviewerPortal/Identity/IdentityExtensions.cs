using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewerPortal.Identity.Oidc;

namespace ReviewerPortal.Identity;

/// <summary>Sign-in (OpenID Connect, or Development personas), role policies and security headers.</summary>
public static class IdentityExtensions
{
    public static IServiceCollection AddPortalIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        IdentityStartupChecks.Verify(settings, builder.Environment);

        var services = builder.Services;
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpClient(OidcMetadata.HttpClientName);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options => SessionCookie.Configure(options, settings, builder.Environment));
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();

        services.AddSingleton<SessionLifetime>();
        services.AddScoped<ActionAuthorization>();
        services.AddScoped<SignInAudit>();
        services.AddSingleton<OidcMetadata>();
        services.AddSingleton<PendingSignIns>();
        services.AddSingleton<AuthorizationCodeRedeemer>();
        services.AddSingleton<IdTokenValidator>();
        services.AddScoped<OidcSignIn>();
        // First in the pipeline, so static files and errors carry the security headers too.
        services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();

        // Request logs would otherwise carry the callback's query string (authorization code, state).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return services;
    }

    public static WebApplication UsePortalIdentity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var mode = app.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>()?.Mode ?? IdentityMode.Development;
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapIdentityEndpoints(mode);
        return app;
    }

    private sealed class SecurityHeadersStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<SecurityHeaders>();
            next(app);
        };
    }
}
