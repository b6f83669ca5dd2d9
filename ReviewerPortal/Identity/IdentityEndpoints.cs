using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReviewerPortal.Identity.Entra;

namespace ReviewerPortal.Identity;

/// <summary>Sign-in and sign-out endpoints of both modes (the OpenID Connect handler answers its own callback paths).</summary>
public static class IdentityEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string PersonasPath = "/signin/personas";
    public const string SignedOutPath = "/signed-out";
    public const string AccessDeniedPath = "/access-denied";

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints, IdentityMode mode)
    {
        if (mode == IdentityMode.Oidc)
        {
            endpoints.MapGet(SignInPath, BeginEntraSignInAsync).AllowAnonymous();
        }
        else
        {
            endpoints.MapGet(SignInPath, (string? returnUrl) =>
                Results.LocalRedirect(PersonasPath + QueryString.Create("returnUrl", ReturnUrl.Sanitize(returnUrl)).ToUriComponent()))
                .AllowAnonymous();
        }

        // Anonymous so that a session that already ended can still sign out; a form post with antiforgery, so that
        // another site cannot sign people out.
        endpoints.MapPost(SignOutPath, SignOutAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> BeginEntraSignInAsync(HttpContext context, ILogger<SignInAudit> logger, string? returnUrl)
    {
        try
        {
            // The handler reads the provider's metadata first, so an unreachable provider fails here, before any redirect.
            await context.ChallengeAsync(EntraSignIn.Scheme, new AuthenticationProperties { RedirectUri = ReturnUrl.Sanitize(returnUrl) });
            return Results.Empty;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            EntraSignInEvents.LogRejected(logger, SignInFailure.ProviderUnreachable, e.GetType().Name);
            return EntraSignInEvents.ProblemPage(SignInFailure.ProviderUnreachable);
        }
        catch (OpenIdConnectProtocolException e)
        {
            // A pushed authorization request (sent when the provider offers it) was refused, e.g. the portal's own credentials.
            var failure = SignInFailureClassifier.Classify(e, redeemingCode: false);
            EntraSignInEvents.LogRejected(logger, failure, e.GetType().Name);
            return EntraSignInEvents.ProblemPage(failure);
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInAudit audit, IOptions<IdentityOptions> options)
    {
        // Checked here: the antiforgery middleware only flags a bad token; endpoints that bind no form must refuse themselves.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(context.User, SignInAudit.SignedOut, context.User.FindFirst(PortalClaims.Method)?.Value ?? "-", context.RequestAborted);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (options.Value.Mode != IdentityMode.Oidc)
        {
            return Results.LocalRedirect(SignedOutPath);
        }

        try
        {
            // To the provider's end-session endpoint, which returns the browser to /signout-callback-oidc, then /signed-out.
            await context.SignOutAsync(EntraSignIn.Scheme, new AuthenticationProperties { RedirectUri = SignedOutPath });
            return Results.Empty;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // The portal session is gone either way; the provider's session cannot be ended while it is unreachable or
            // publishes no end-session endpoint.
            return Results.LocalRedirect(SignedOutPath);
        }
    }
}
