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

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>
/// A provider the test controls completely, for ID tokens no honest provider would issue: discovery, a JWKS with keys the
/// test holds (and can rotate), and a token endpoint that checks PKCE and hands out whatever ID token the test crafted.
/// Shaped like Entra: served below <c>/{tenant}/v2.0</c>, valid tokens carry <c>tid</c> and the v2.0 issuer.
/// </summary>
public sealed class CraftedTokenProvider : IAsyncDisposable
{
    public const string ClientId = "reviewer-portal";
    public const string ClientSecret = "crafted-secret";
    public const string TenantId = "5b0e6a2c-8f3d-4e1a-b7c9-1d2e3f4a5b6c";

    private readonly WebApplication _server;
    private readonly ConcurrentDictionary<string, (string Challenge, string Nonce)> _codes = new();
    private readonly List<(string Kid, RSA Key)> _published = [];
    private int _jwksRequests;

    private CraftedTokenProvider(WebApplication server)
    {
        _server = server;
        RotateKey();
    }

    /// <summary>Where the provider listens, e.g. <c>http://127.0.0.1:40123/</c>: the portal's <c>Identity:Instance</c>.</summary>
    public Uri Instance { get; private set; } = null!;

    /// <summary>The tenant in the portal's authority (<c>{Instance}{AuthorityTenant}/v2.0</c>): <see cref="TenantId"/>, or <c>organizations</c>.</summary>
    public string AuthorityTenant { get; set; } = TenantId;

    /// <summary>The issuer of valid tokens: <c>{Instance}{TenantId}/v2.0</c>.</summary>
    public Uri Issuer => new(Instance, $"/{TenantId}/v2.0");

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
        var tenant = server.MapGroup("/{tenant}/v2.0");
        tenant.MapGet("/.well-known/openid-configuration", (string tenant) => provider.Discovery(tenant));
        tenant.MapGet("/jwks", provider.Jwks);
        tenant.MapPost("/token", provider.TokenAsync);
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Instance = new Uri(address + "/");
        return provider;
    }

    public Dictionary<string, string?> PortalSettings() => new()
    {
        ["Identity:Mode"] = "Oidc",
        ["Identity:Instance"] = Instance.ToString(),
        ["Identity:TenantId"] = AuthorityTenant,
        ["Identity:ClientId"] = ClientId,
        ["Identity:ClientSecret"] = ClientSecret,
    };

    /// <summary>Publishes a new signing key (the old one stays in the JWKS, as during a real rotation) and signs with it.</summary>
    public void RotateKey() => _published.Add(($"key-{_published.Count + 1}", RSA.Create(2048)));

    /// <summary>Issues a code as the authorization endpoint would, bound to the PKCE challenge and nonce of one attempt.</summary>
    public string IssueCode(string codeChallenge, string nonce)
    {
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
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
            ["iss"] = Issuer.ToString(),
            ["aud"] = ClientId,
            ["tid"] = TenantId,
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

    private IResult Discovery(string tenant) => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = PublishedIssuer ?? Issuer.ToString(),
        ["authorization_endpoint"] = new Uri(Instance, $"/{tenant}/v2.0/authorize").ToString(),
        ["token_endpoint"] = new Uri(Instance, $"/{tenant}/v2.0/token").ToString(),
        ["jwks_uri"] = new Uri(Instance, $"/{tenant}/v2.0/jwks").ToString(),
        ["end_session_endpoint"] = new Uri(Instance, $"/{tenant}/v2.0/logout").ToString(),
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
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != issued.Challenge)
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
