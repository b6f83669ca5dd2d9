using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReviewerPortal.Identity.Oidc;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>
/// A provider the test controls completely, for ID tokens no honest provider would issue: discovery, a JWKS with keys the
/// test holds (and can rotate), and a token endpoint that checks PKCE and hands out whatever ID token the test crafted.
/// </summary>
public sealed class CraftedTokenProvider : IAsyncDisposable
{
    public const string ClientId = "reviewer-portal";
    public const string ClientSecret = "crafted-secret";

    private readonly WebApplication _server;
    private readonly ConcurrentDictionary<string, (string Challenge, string Nonce)> _codes = new();
    private readonly List<(string Kid, RSA Key)> _published = [];
    private int _jwksRequests;

    private CraftedTokenProvider(WebApplication server)
    {
        _server = server;
        RotateKey();
    }

    public Uri Issuer { get; private set; } = null!;

    /// <summary>The issuer the discovery document publishes, e.g. Entra's multi-tenant <c>…/{tenantid}/v2.0</c>; by default <see cref="Issuer"/>.</summary>
    public string? PublishedIssuer { get; set; }

    /// <summary>Builds the ID token for a redeemed code from the nonce the portal sent; by default a valid token.</summary>
    public Func<string, string> IdToken { get; set; } = null!;

    public int JwksRequests => _jwksRequests;

    public (string Kid, RSA Key) CurrentKey => _published[^1];

    public static async Task<CraftedTokenProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        var provider = new CraftedTokenProvider(server);
        provider.IdToken = nonce => provider.Sign(provider.ValidClaims(nonce));
        server.MapGet("/.well-known/openid-configuration", provider.Discovery);
        server.MapGet("/jwks", provider.Jwks);
        server.MapPost("/token", provider.TokenAsync);
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = new Uri(address);
        return provider;
    }

    public Dictionary<string, string?> PortalSettings() => new()
    {
        ["Identity:Mode"] = "Oidc",
        ["Identity:Authority"] = Issuer.ToString(),
        ["Identity:ClientId"] = ClientId,
        ["Identity:ClientSecret"] = ClientSecret,
    };

    /// <summary>Publishes a new signing key (the old one stays in the JWKS, as during a real rotation) and signs with it.</summary>
    public void RotateKey() => _published.Add(($"key-{_published.Count + 1}", RSA.Create(2048)));

    /// <summary>Issues a code as the authorization endpoint would, bound to the PKCE challenge and nonce of one attempt.</summary>
    public string IssueCode(string codeChallenge, string nonce)
    {
        var code = PendingSignIns.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (codeChallenge, nonce);
        return code;
    }

    /// <summary>Whether <paramref name="code"/> was issued and not yet presented at the token endpoint.</summary>
    public bool IsOutstanding(string code) => _codes.ContainsKey(code);

    public Dictionary<string, object> ValidClaims(string nonce)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = Issuer.ToString().TrimEnd('/'),
            ["aud"] = ClientId,
            ["sub"] = "crafted-sub",
            ["oid"] = "crafted-oid",
            ["name"] = "Dr. Crafted Token",
            ["roles"] = new[] { "Clinician" },
            ["nonce"] = nonce,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
        };
    }

    public string Sign(Dictionary<string, object> claims, (string Kid, RSA Key)? key = null)
    {
        var (kid, rsa) = key ?? CurrentKey;
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims), credentials);
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = PublishedIssuer ?? Issuer.ToString().TrimEnd('/'),
        ["authorization_endpoint"] = new Uri(Issuer, "/authorize").ToString(),
        ["token_endpoint"] = new Uri(Issuer, "/token").ToString(),
        ["jwks_uri"] = new Uri(Issuer, "/jwks").ToString(),
        ["end_session_endpoint"] = new Uri(Issuer, "/logout").ToString(),
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    });

    private IResult Jwks()
    {
        Interlocked.Increment(ref _jwksRequests);
        var keys = _published.Select(k =>
        {
            var parameters = k.Key.ExportParameters(false);
            return new Dictionary<string, string>
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = k.Kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        });
        return Results.Json(new { keys });
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        var verifier = form["code_verifier"].ToString();
        if (!_codes.TryRemove(form["code"].ToString(), out var issued)
            || PendingSignIns.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != issued.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        return Results.Json(new { id_token = IdToken(issued.Nonce), access_token = "unused", token_type = "Bearer" });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var (_, key) in _published)
        {
            key.Dispose();
        }
    }
}
