using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReviewerPortal.Identity.Oidc;

namespace ReviewerPortal.Identity;

/// <summary>Sign-in and sign-out endpoints of both modes.</summary>
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
            endpoints.MapGet(SignInPath, BeginOidcAsync).AllowAnonymous();
            endpoints.MapGet(OidcSignIn.CallbackPath, CompleteOidcAsync).AllowAnonymous();
            endpoints.MapGet(OidcSignIn.SignedOutCallbackPath, () => Results.LocalRedirect(SignedOutPath)).AllowAnonymous();
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

    private static async Task<IResult> BeginOidcAsync(HttpContext context, OidcSignIn oidc, string? returnUrl)
    {
        try
        {
            // Not Results.Redirect: it logs the target, and this one carries the attempt's state and nonce.
            context.Response.Redirect(await oidc.BeginAsync(context, returnUrl));
            return Results.Empty;
        }
        catch (SignInFailedException e)
        {
            return Problem(e.Failure);
        }
    }

    private static async Task<IResult> CompleteOidcAsync(HttpContext context, OidcSignIn oidc)
    {
        try
        {
            return Results.LocalRedirect(await oidc.CompleteAsync(context));
        }
        catch (SignInFailedException e)
        {
            return Problem(e.Failure);
        }
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, SignInAudit audit, OidcMetadata metadata, OidcSignIn oidc, IOptions<IdentityOptions> options)
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
        var settings = options.Value;
        if (settings.Mode != IdentityMode.Oidc)
        {
            return Results.LocalRedirect(SignedOutPath);
        }

        string? endSession;
        try
        {
            endSession = (await metadata.GetAsync(context.RequestAborted)).EndSessionEndpoint;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // The portal session is gone either way; the provider's session cannot be ended while it is unreachable.
            endSession = null;
        }

        if (string.IsNullOrEmpty(endSession))
        {
            return Results.LocalRedirect(SignedOutPath);
        }

        // RP-initiated logout 1.0: client_id identifies us, so the provider honours post_logout_redirect_uri.
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["post_logout_redirect_uri"] = oidc.RedirectUri(context, OidcSignIn.SignedOutCallbackPath).AbsoluteUri,
        });
        return Results.Redirect(endSession + query.ToUriComponent());
    }

    private static RazorComponentResult<SignInProblemPage> Problem(SignInFailure failure) =>
        new(new Dictionary<string, object?> { [nameof(SignInProblemPage.Failure)] = failure })
        {
            StatusCode = SignInFailureMessages.StatusCode(failure),
        };
}
