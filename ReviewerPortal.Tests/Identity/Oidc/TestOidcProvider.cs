using System.Globalization;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>
/// npm oidc-provider (tools/oidc/provider.mjs) on loopback, registered for one portal origin, and the portal configured
/// to sign in with it. Accounts: clinician, supervisor, operator, nobody (no roles); any password.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "reviewer-portal";
    public const string ClientSecret = "test-secret";

    private TestOidcProvider(LoopbackServer server, int portalPort)
    {
        Server = server;
        PortalPort = portalPort;
    }

    public LoopbackServer Server { get; }

    /// <summary>The port the portal must listen on: the provider only redirects to this origin.</summary>
    public int PortalPort { get; }

    public Uri Issuer => Server.BaseUri;

    public static async Task<TestOidcProvider> StartAsync()
    {
        var portalPort = LoopbackServer.FreePort();
        var server = await LoopbackServer.StartAsync(
            "node",
            port => [Path.Combine(RepoPaths.Tools, "oidc", "provider.mjs"), port.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string>
            {
                ["PORTAL_ORIGIN"] = $"http://127.0.0.1:{portalPort}",
                ["CLIENT_ID"] = ClientId,
                ["CLIENT_SECRET"] = ClientSecret,
            });
        return new TestOidcProvider(server, portalPort);
    }

    /// <summary>Portal settings for Oidc mode against this provider, with Entra-style role values mapped.</summary>
    public Dictionary<string, string?> PortalSettings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{PortalPort}",
            ["Identity:Mode"] = "Oidc",
            ["Identity:Authority"] = Issuer.ToString(),
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
