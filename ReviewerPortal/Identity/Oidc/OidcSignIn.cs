using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ReviewerPortal.Identity.Oidc;

/// <summary>The two halves of the authorization code flow: send the browser to the provider, and finish on its return.</summary>
public sealed partial class OidcSignIn(
    OidcMetadata metadata,
    PendingSignIns pending,
    AuthorizationCodeRedeemer redeemer,
    IdTokenValidator validator,
    SignInAudit audit,
    IOptions<IdentityOptions> options,
    TimeProvider time,
    ILogger<OidcSignIn> logger)
{
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>The provider's authorization URL for a new attempt (state, nonce and PKCE challenge).</summary>
    public async Task<string> BeginAsync(HttpContext context, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await GetMetadataAsync(context.RequestAborted);
        }
        catch (SignInFailedException e)
        {
            LogRejected(logger, e.Failure, e.InnerException?.GetType().Name ?? "-");
            throw;
        }

        var attempt = pending.Begin(context, ReturnUrl.Sanitize(returnUrl));
        var challenge = PendingSignIns.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(attempt.CodeVerifier)));
        var settings = options.Value;
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["response_type"] = "code",
            ["response_mode"] = "query",
            ["scope"] = settings.Scopes,
            ["redirect_uri"] = RedirectUri(context, CallbackPath).AbsoluteUri,
            ["state"] = attempt.State,
            ["nonce"] = attempt.Nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        var endpoint = configuration.AuthorizationEndpoint;
        return endpoint + (endpoint.Contains('?', StringComparison.Ordinal) ? "&" + query.ToUriComponent()[1..] : query.ToUriComponent());
    }

    /// <summary>Finishes the sign-in: returns where to send the browser, having set the session cookie.</summary>
    /// <exception cref="SignInFailedException">Any check failed; already logged.</exception>
    public async Task<string> CompleteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var query = context.Request.Query;
            var attempt = pending.Take(context, query["state"]);
            if (!string.IsNullOrEmpty(query["error"]))
            {
                throw new SignInFailedException(SignInFailure.ProviderError);
            }

            var configuration = await GetMetadataAsync(context.RequestAborted);
            // RFC 9207: a provider that names itself in the response must be the one we sent the user to (mix-up attacks).
            if (query.TryGetValue("iss", out var responseIssuer) && responseIssuer != configuration.Issuer
                && !configuration.Issuer.Contains("{tenantid}", StringComparison.OrdinalIgnoreCase))
            {
                throw new SignInFailedException(SignInFailure.WrongIssuer);
            }

            var code = query["code"].ToString();
            if (string.IsNullOrEmpty(code))
            {
                throw new SignInFailedException(SignInFailure.MissingCode);
            }

            var idToken = await redeemer.RedeemAsync(configuration, code, attempt.CodeVerifier, RedirectUri(context, CallbackPath), context.RequestAborted);
            var token = await validator.ValidateAsync(idToken, attempt.Nonce, context.RequestAborted);
            var user = ToPrincipal(token);
            await RecordAsync(user, context.RequestAborted);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user);
            var reviewer = user.ToReviewer();
            var roles = string.Join(",", user.FindAll(PortalClaims.Role).Select(role => role.Value));
            LogSignedIn(logger, reviewer.Id, roles);
            return attempt.ReturnUrl;
        }
        catch (SignInFailedException e)
        {
            // The failure's name and the exception type only: messages of token libraries may quote token contents.
            LogRejected(logger, e.Failure, e.InnerException?.GetType().Name ?? "-");
            throw;
        }
    }

    private async Task<OpenIdConnectConfiguration> GetMetadataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await metadata.GetAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // IdentityModel reports an unreachable or unreadable discovery document as IOException/InvalidOperationException.
            throw new SignInFailedException(SignInFailure.ProviderUnreachable, e);
        }
    }

    public Uri RedirectUri(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = options.Value.PublicOrigin?.GetLeftPart(UriPartial.Authority)
            ?? $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}";
        return new Uri(origin + path);
    }

    private ClaimsPrincipal ToPrincipal(JsonWebToken token)
    {
        var settings = options.Value;
        string? Claim(string type) => token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        var subject = Claim("sub") ?? throw new SignInFailedException(SignInFailure.NoStableUserId);
        var providerRoles = token.Claims.Where(c => c.Type == settings.RoleClaim).Select(c => c.Value);
        return PortalClaims.CreatePrincipal(
            subject,
            Claim("oid"),
            Claim("name") ?? Claim("preferred_username") ?? subject,
            RoleMapping.Map(providerRoles, settings.RoleMapping),
            "oidc",
            time.GetUtcNow());
    }

    private async Task RecordAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RecordAsync(user, SignInAudit.SignedIn, "oidc", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SignInFailedException(SignInFailure.AuditUnavailable, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in user {UserId} with OpenID Connect (portal roles: {Roles})")]
    private static partial void LogSignedIn(ILogger logger, string userId, string roles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in rejected: {Failure} ({Cause})")]
    private static partial void LogRejected(ILogger logger, SignInFailure failure, string cause);
}
