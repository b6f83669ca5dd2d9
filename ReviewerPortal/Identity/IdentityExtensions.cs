using Amazon.S3;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewerPortal.Identity.Entra;

namespace ReviewerPortal.Identity;

/// <summary>Sign-in (Entra ID through Microsoft.Identity.Web, or Development personas), role policies and security headers.</summary>
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
        services.AddPortalKeyRing(settings);

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        if (settings.Mode == IdentityMode.Oidc)
        {
            // Identity.Web adds the session cookie scheme beside OpenID Connect; the cookie stays the default scheme, so
            // pages send signed-out users to /signin, which starts the provider's sign-in.
            authentication.AddEntraSignIn(settings, builder.Environment);
        }
        else
        {
            authentication.AddCookie(options => SessionCookie.Configure(options, settings, builder.Environment));
        }

        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();

        services.AddSingleton<SessionLifetime>();
        services.AddScoped<ActionAuthorization>();
        services.AddScoped<CurrentReviewer>();
        services.AddScoped<StartPages>();
        services.AddScoped<SignInAudit>();
        // First in the pipeline, so static files and errors carry the security headers too.
        services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();

        // Request logs would otherwise carry the callback's query string (authorization code, state).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // …and the OpenID Connect handler's debug lines the whole redirect to the provider (state, nonce).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Authentication.OpenIdConnect", LogLevel.Information);
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
