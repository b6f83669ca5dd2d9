using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>
/// npm oidc-provider (tools/oidc/provider.mjs) on loopback as one Entra-shaped tenant (v2.0 issuer below the tenant id;
/// <c>tid</c>, <c>oid</c>, <c>roles</c> in ID tokens), registered for one portal origin, and the portal configured to sign
/// in with it through Microsoft.Identity.Web. Accounts: clinician, supervisor, operator, nobody (no roles); any password.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "reviewer-portal";
    public const string ClientSecret = "test-secret";
    public const string TenantId = "3f1c2b7a-5d4e-4c3b-9a8f-0e1d2c3b4a59";

    private TestOidcProvider(LoopbackServer server, int portalPort)
    {
        Server = server;
        PortalPort = portalPort;
    }

    public LoopbackServer Server { get; }

    /// <summary>The port the portal must listen on: the provider only redirects to this origin.</summary>
    public int PortalPort { get; }

    /// <summary>Entra's v2.0 issuer form: <c>{instance}{tenant}/v2.0</c>.</summary>
    public Uri Issuer => new(Server.BaseUri, $"/{TenantId}/v2.0");

    /// <param name="clientCertificate">
    /// When given, the portal's client is registered for <c>private_key_jwt</c> with this certificate's public key (as an
    /// Entra app with a certificate credential) instead of the client secret.
    /// </param>
    public static async Task<TestOidcProvider> StartAsync(X509Certificate2? clientCertificate = null)
    {
        var portalPort = LoopbackServer.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["PORTAL_ORIGIN"] = $"http://127.0.0.1:{portalPort}",
            ["CLIENT_ID"] = ClientId,
            ["CLIENT_SECRET"] = ClientSecret,
            ["TENANT_ID"] = TenantId,
        };
        if (clientCertificate is not null)
        {
            environment["CLIENT_JWKS"] = PublicKeySet(clientCertificate);
        }

        var server = await LoopbackServer.StartAsync(
            "node",
            port => [Path.Combine(RepoPaths.Tools, "oidc", "provider.mjs"), port.ToString(CultureInfo.InvariantCulture)],
            environment);
        return new TestOidcProvider(server, portalPort);
    }

    /// <summary>The certificate's public key as a JWK Set, named by the thumbprint the portal's assertion carries as its kid.</summary>
    private static string PublicKeySet(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey()!;
        var key = rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", kid = certificate.Thumbprint, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
            },
        });
    }

    /// <summary>Portal settings for Oidc mode against this provider, with Entra-style role values mapped.</summary>
    public Dictionary<string, string?> PortalSettings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{PortalPort}",
            ["Identity:Mode"] = "Oidc",
            ["Identity:Instance"] = Server.BaseUri.ToString(),
            ["Identity:TenantId"] = TenantId,
            ["Identity:ClientId"] = ClientId,
            ["Identity:ClientSecret"] = ClientSecret,
            ["Identity:RoleMapping:Portal.Clinician"] = "Clinician",
            ["Identity:RoleMapping:Portal.Supervisor"] = "Supervisor",
            ["Identity:RoleMapping:Portal.Operator"] = "Operator",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
