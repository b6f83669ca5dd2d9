using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ReviewerPortal.Identity.Entra;

/// <summary>
/// Sign-in with Microsoft Entra ID through Microsoft.Identity.Web: authorization code flow with PKCE, Entra's issuer
/// validation (<c>tid</c> against the v2.0 issuer), and the portal's own steps on top (<see cref="EntraSignInEvents"/>).
/// </summary>
public static class EntraSignIn
{
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static void AddEntraSignIn(this AuthenticationBuilder authentication, IdentityOptions settings, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(settings);
        authentication.AddMicrosoftIdentityWebApp(
            identity => Configure(identity, settings),
            cookie => SessionCookie.Configure(cookie, settings, environment),
            Scheme,
            CookieAuthenticationDefaults.AuthenticationScheme);

        authentication.Services.AddSingleton<UsedSignInResponses>();
        var certificate = ClientCertificates.Load(settings);
        // After Identity.Web's own configuration, so its events and issuer validator are there to be wrapped.
        authentication.Services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IServiceProvider>((oidc, services) =>
        {
            ConfigureHandler(oidc, settings);
            oidc.TokenValidationParameters.IssuerValidator = TenantIssuerValidator.Wrap(oidc.TokenValidationParameters.IssuerValidator, settings);
            EntraSignInEvents.Attach(oidc.Events, settings, services.GetRequiredService<UsedSignInResponses>());
            if (certificate is not null)
            {
                new ClientAssertion(certificate, settings.ClientId!, services.GetRequiredService<TimeProvider>()).Attach(oidc.Events);
            }
        });
    }

    private static void Configure(MicrosoftIdentityOptions identity, IdentityOptions settings)
    {
        if (settings.Authority is { } authority)
        {
            identity.Authority = authority.AbsoluteUri.TrimEnd('/');
        }
        else
        {
            identity.Instance = settings.Instance.AbsoluteUri;
            identity.TenantId = settings.TenantId;
        }

        identity.ClientId = settings.ClientId;
        identity.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
    }

    /// <summary>
    /// Entra's v2.0 issuer for the authority: <c>{instance}{tenant}/v2.0</c>, or for a multi-tenant authority the template
    /// <c>{instance}{tenantid}/v2.0</c>, in which Identity.Web puts the token's <c>tid</c>.
    /// </summary>
    public static string ExpectedIssuer(IdentityOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var authority = settings.EffectiveAuthority?.AbsoluteUri.TrimEnd('/')
            ?? throw new InvalidOperationException("Identity:TenantId (or Identity:Authority) is not set.");
        authority = authority.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase) ? authority : authority + "/v2.0";
        return settings.IsMultiTenant
            ? authority.Replace("/organizations/", "/{tenantid}/", StringComparison.OrdinalIgnoreCase)
                .Replace("/common/", "/{tenantid}/", StringComparison.OrdinalIgnoreCase)
            : authority;
    }

    /// <summary>The handler's own settings, set after Identity.Web's (which does not carry these over from its options).</summary>
    private static void ConfigureHandler(OpenIdConnectOptions oidc, IdentityOptions settings)
    {
        oidc.CallbackPath = CallbackPath;
        oidc.SignedOutCallbackPath = SignedOutCallbackPath;
        oidc.SignedOutRedirectUri = IdentityEndpoints.SignedOutPath;
        // A provider on this machine (the tests' oidc-provider) speaks plain http; anything else must use https (startup check).
        oidc.RequireHttpsMetadata = !(settings.EffectiveAuthority?.IsLoopback ?? false);
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        // The code comes back in the query: the session cookie stays SameSite=Lax and no page posts across sites.
        oidc.ResponseMode = "query";
        // Claims keep their JWT names (oid, roles, tid), which the portal reads; no ID token is kept in the cookie.
        oidc.TokenHandler = new JsonWebTokenHandler { MapInboundClaims = false };
        oidc.MapInboundClaims = false;
        oidc.SaveTokens = false;
        oidc.RemoteAuthenticationTimeout = settings.SignInTimeout;
        oidc.TokenValidationParameters.ClockSkew = settings.ClockSkew;
        // The issuers Identity.Web's validator compares with (the token's tid replaces {tenantid}), stated here so a valid
        // token never needs a second metadata read.
        oidc.TokenValidationParameters.ValidIssuer = ExpectedIssuer(settings);
        oidc.Scope.Clear();
        foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            oidc.Scope.Add(scope);
        }
    }
}
