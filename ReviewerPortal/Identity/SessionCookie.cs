using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ReviewerPortal.Identity;

/// <summary>The signed-in session: an encrypted, HttpOnly, SameSite=Lax cookie, sliding, with an absolute cap.</summary>
public static class SessionCookie
{
    public static void Configure(CookieAuthenticationOptions options, IdentityOptions settings, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var development = environment.IsDevelopment();
        // __Host- binds the cookie to this origin (Secure, Path=/, no Domain). On a developer's plain-http machine the
        // cookie cannot be Secure for every browser, so it goes without the prefix there.
        options.Cookie.Name = development ? "portal.session" : "__Host-portal.session";
        options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = settings.IdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = IdentityEndpoints.SignInPath;
        options.LogoutPath = IdentityEndpoints.SignOutPath;
        options.AccessDeniedPath = IdentityEndpoints.AccessDeniedPath;
        options.ReturnUrlParameter = "returnUrl";
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = async context =>
            {
                var lifetime = context.HttpContext.RequestServices.GetRequiredService<SessionLifetime>();
                if (context.Principal is null || lifetime.HasEnded(context.Principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            },
            OnRedirectToLogin = context => RedirectPagesOnly(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => RedirectPagesOnly(context, StatusCodes.Status403Forbidden),
        };
    }

    /// <summary>Browsers asking for a page are redirected; scripts, the Blazor hub and APIs get a plain status code.</summary>
    private static Task RedirectPagesOnly(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var wantsPage = HttpMethods.IsGet(request.Method)
            && request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
        if (wantsPage)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
