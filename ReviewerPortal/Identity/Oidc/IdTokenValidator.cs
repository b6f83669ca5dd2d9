using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ReviewerPortal.Identity.Oidc;

/// <summary>
/// Validates an ID token (OpenID Connect Core 3.1.3.7): signature by the provider's published keys, issuer (including
/// Entra's tenant-specific issuer), audience and authorized party, lifetime with a small skew, and the nonce.
/// </summary>
public sealed class IdTokenValidator(OidcMetadata metadata, IOptions<IdentityOptions> options, TimeProvider time)
{
    private const string TenantPlaceholder = "{tenantid}";

    // Asymmetric algorithms only: a symmetric or 'none' token must never be accepted.
    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <exception cref="SignInFailedException">The token fails a check; the failure says which.</exception>
    public async Task<JsonWebToken> ValidateAsync(string idToken, string expectedNonce, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since we cached them.
            configuration = await metadata.RefreshAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration));
        }

        if (!result.IsValid)
        {
            throw new SignInFailedException(Classify(result.Exception), result.Exception);
        }

        var token = (JsonWebToken)result.SecurityToken;
        var audiences = token.Audiences.ToList();
        if (audiences.Count > 1 && (!token.TryGetPayloadValue<string>("azp", out var azp) || azp != options.Value.ClientId))
        {
            throw new SignInFailedException(SignInFailure.WrongAudience);
        }

        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || !FixedTimeEquals(nonce, expectedNonce))
        {
            throw new SignInFailedException(SignInFailure.NonceMismatch);
        }

        return token;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration)
    {
        var settings = options.Value;
        var issuer = configuration.Issuer;
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = issuer,
            IssuerValidator = issuer.Contains(TenantPlaceholder, StringComparison.OrdinalIgnoreCase)
                ? (tokenIssuer, token, _) => ValidateTenantIssuer(issuer, tokenIssuer, (JsonWebToken)token)
                : null,
            ValidateAudience = true,
            ValidAudience = settings.ClientId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = settings.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires, settings.ClockSkew),
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AllowedAlgorithms,
        };
    }

    /// <summary>Lifetime against our <see cref="TimeProvider"/> (the library would read the system clock).</summary>
    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + skew)
        {
            throw new SecurityTokenExpiredException("The ID token has expired.");
        }

        if (notBefore is not null && now + skew < notBefore.Value.ToUniversalTime())
        {
            throw new SecurityTokenNotYetValidException("The ID token is not yet valid.");
        }

        return true;
    }

    /// <summary>Entra multi-tenant metadata publishes <c>…/{tenantid}/v2.0</c>; the token's <c>tid</c> fills it in.</summary>
    private string ValidateTenantIssuer(string template, string tokenIssuer, JsonWebToken token)
    {
        var allowed = options.Value.AllowedTenants;
        if (token.TryGetPayloadValue<string>("tid", out var tenant)
            && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase)
            && string.Equals(template.Replace(TenantPlaceholder, tenant, StringComparison.OrdinalIgnoreCase), tokenIssuer, StringComparison.Ordinal))
        {
            return tokenIssuer;
        }

        throw new SecurityTokenInvalidIssuerException("The token's tenant is not one of Identity:AllowedTenants.");
    }

    private static SignInFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => SignInFailure.WrongIssuer,
        SecurityTokenInvalidAudienceException => SignInFailure.WrongAudience,
        SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenNoExpirationException
            or SecurityTokenInvalidLifetimeException => SignInFailure.ExpiredIdToken,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            or SecurityTokenInvalidAlgorithmException => SignInFailure.InvalidSignature,
        _ => SignInFailure.MalformedIdToken,
    };

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
