using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ReviewerPortal.Identity.Entra;

/// <summary>
/// The portal proves its identity to the token endpoint with its certificate (<c>private_key_jwt</c>, RFC 7523): a
/// short-lived JWT signed with the private key, in the form Entra ID documents for certificate credentials (issuer and
/// subject the client id, audience the token endpoint, the certificate named by its SHA-1 and SHA-256 thumbprints).
/// Identity.Web uses certificates only when MSAL redeems the code (token acquisition for downstream APIs), which the
/// portal does not enable: it signs users in only, so the OpenID Connect handler redeems the code and carries this.
/// </summary>
public sealed class ClientAssertion(X509Certificate2 certificate, string clientId, TimeProvider clock)
{
    public const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Long enough for one redemption, short enough that a copy is useless soon after.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(string tokenEndpoint)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            // PS256 with x5t#S256, as MSAL signs for Entra today; x5t (SHA-1) and kid come with the X509 credentials.
            SigningCredentials = new X509SigningCredentials(certificate, SecurityAlgorithms.RsaSsaPssSha256),
            AdditionalHeaderClaims = new Dictionary<string, object>
            {
                ["x5t#S256"] = Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)),
            },
        });
    }

    /// <summary>
    /// Adds the assertion to every request the handler authenticates as the client: the code redemption, and the pushed
    /// authorization request it sends first when the provider offers one (RFC 9126).
    /// </summary>
    public void Attach(OpenIdConnectEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var received = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            await received(context);
            if (context.TokenEndpointRequest is { } request)
            {
                // The handler posts to the discovered token endpoint unless the request names one.
                var endpoint = string.IsNullOrEmpty(request.TokenEndpoint) ? await TokenEndpointAsync(context.Options, context.HttpContext) : request.TokenEndpoint;
                Add(request, endpoint);
            }
        };
        var push = events.OnPushAuthorization;
        events.OnPushAuthorization = async context =>
        {
            await push(context);
            Add(context.ProtocolMessage, await TokenEndpointAsync(context.Options, context.HttpContext));
            context.HandleClientAuthentication();
        };
    }

    private void Add(OpenIdConnectMessage request, string tokenEndpoint)
    {
        request.ClientAssertionType = JwtBearerType;
        request.ClientAssertion = Create(tokenEndpoint);
    }

    /// <summary>
    /// The audience: Entra ID expects its token endpoint; other providers (RFC 7523) accept it for every endpoint too.
    /// </summary>
    private static async Task<string> TokenEndpointAsync(OpenIdConnectOptions options, HttpContext http)
    {
        var metadata = options.Configuration
            ?? await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        return metadata.TokenEndpoint ?? throw new InvalidOperationException("The provider's metadata names no token endpoint.");
    }
}
