using Microsoft.Extensions.Options;

namespace ReviewerPortal.Identity;

/// <summary>
/// Security headers on every response. The CSP allows no inline or foreign script: Blazor and MudBlazor load their
/// scripts from this origin. Styles allow 'unsafe-inline' because Blazor and MudBlazor set style attributes and inject
/// style elements at run time (the theme's palette is one); that admits no script.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<IdentityOptions> options, IHostEnvironment environment)
{
    private readonly string _contentSecurityPolicy = BuildContentSecurityPolicy(options.Value);
    private readonly bool _hsts = !environment.IsDevelopment();

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        // Behind a TLS-terminating load balancer the request is plain HTTP, but the browser spoke HTTPS to PublicOrigin.
        if (_hsts && (context.Request.IsHttps || options.Value.PublicOrigin?.Scheme == Uri.UriSchemeHttps))
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        return next(context);
    }

    public static string BuildContentSecurityPolicy(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Chromium applies form-action to the redirects that follow a form post: signing out posts to the portal, which
        // redirects to the provider's end-session endpoint.
        var formAction = options.Mode == IdentityMode.Oidc && options.EffectiveAuthority is { } authority
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
        return string.Join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {formAction}",
            "frame-ancestors 'none'");
    }
}
