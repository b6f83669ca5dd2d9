using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Identity.Oidc;

/// <summary>One started sign-in: what the callback must match (state, nonce) and prove (PKCE verifier).</summary>
public sealed record PendingSignIn(string State, string Nonce, string CodeVerifier, string ReturnUrl);

/// <summary>
/// Keeps started sign-ins in short-lived encrypted cookies, one per attempt (named by its state) so parallel tabs do not
/// clobber each other. Each state is redeemable once: the cookie is deleted and the state remembered as used.
/// </summary>
public sealed class PendingSignIns(
    IDataProtectionProvider dataProtection,
    IOptions<IdentityOptions> options,
    IMemoryCache usedStates,
    IHostEnvironment environment)
{
    public const string CookiePrefix = "portal.signin.";
    internal const string Purpose = "ReviewerPortal.Identity.PendingSignIn.v1";

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public PendingSignIn Begin(HttpContext context, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pending = new PendingSignIn(RandomToken(), RandomToken(), RandomToken(), ReturnUrl.Sanitize(returnUrl));
        var lifetime = options.Value.SignInTimeout;
        var payload = _protector.Protect(JsonSerializer.Serialize(pending), lifetime);
        context.Response.Cookies.Append(CookiePrefix + pending.State, payload, CookieOptions(context, lifetime));
        return pending;
    }

    /// <summary>Takes (and forgets) the sign-in that <paramref name="state"/> names.</summary>
    /// <exception cref="SignInFailedException">Unknown, expired or already used.</exception>
    public PendingSignIn Take(HttpContext context, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(state) || state.Length > 100 || !state.All(IsBase64UrlChar))
        {
            throw new SignInFailedException(SignInFailure.UnknownOrExpiredAttempt);
        }

        if (usedStates.TryGetValue(UsedKey(state), out _))
        {
            throw new SignInFailedException(SignInFailure.ReplayedResponse);
        }

        var cookie = context.Request.Cookies[CookiePrefix + state];
        context.Response.Cookies.Delete(CookiePrefix + state, CookieOptions(context, TimeSpan.Zero));
        if (cookie is null)
        {
            throw new SignInFailedException(SignInFailure.UnknownOrExpiredAttempt);
        }

        PendingSignIn? pending;
        try
        {
            pending = JsonSerializer.Deserialize<PendingSignIn>(_protector.Unprotect(cookie, out _));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            throw new SignInFailedException(SignInFailure.UnknownOrExpiredAttempt, e);
        }

        if (pending is null || !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(pending.State), System.Text.Encoding.UTF8.GetBytes(state)))
        {
            throw new SignInFailedException(SignInFailure.UnknownOrExpiredAttempt);
        }

        usedStates.Set(UsedKey(state), true, options.Value.SignInTimeout);
        return pending;
    }

    private CookieOptions CookieOptions(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        // Lax: the provider's redirect back is a top-level GET, which carries Lax cookies.
        SameSite = SameSiteMode.Lax,
        Secure = !environment.IsDevelopment() || context.Request.IsHttps,
        Path = "/signin-oidc",
        MaxAge = lifetime,
        IsEssential = true,
    };

    private static string UsedKey(string state) => "portal.signin.used:" + state;

    private static string RandomToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
