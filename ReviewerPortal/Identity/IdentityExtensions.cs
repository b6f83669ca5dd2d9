using Amazon.S3;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
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
        services.AddPortalKeyRing(settings);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options => SessionCookie.Configure(options, settings, builder.Environment));
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();

        services.AddSingleton<SessionLifetime>();
        services.AddScoped<ActionAuthorization>();
        services.AddScoped<StartPages>();
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

    /// <summary>One key ring for all instances when configured (cookies written by one are read by the others).</summary>
    private static void AddPortalKeyRing(this IServiceCollection services, IdentityOptions settings)
    {
        services.AddDataProtection().SetApplicationName("ReviewerPortal");
        if (string.IsNullOrWhiteSpace(settings.KeyRing))
        {
            return;
        }

        var location = S3KeyRing.ParseLocation(settings.KeyRing);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
            options.XmlRepository = new S3KeyRing(
                provider.GetService<IAmazonS3>() ?? throw new InvalidOperationException("Identity:KeyRing (S3) needs Portal:Mode=Aws."),
                location));
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
