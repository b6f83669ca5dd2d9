using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>
/// The portal proves its identity with a certificate instead of a client secret: the real oidc-provider knows the
/// portal's client only by the certificate's public key (<c>private_key_jwt</c>), as Entra ID knows an app with a
/// certificate credential, and holds no secret for it.
/// </summary>
public sealed class CertificateSignInBrowserTests : IDisposable
{
    private const string Password = "pfx-password";
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-certificate-").FullName;

    [Theory]
    [InlineData("Path")]
    [InlineData("Base64Encoded")]
    public async Task A_clinician_signs_in_while_the_portal_authenticates_with_its_certificate(string source)
    {
        using var certificate = NewCertificate("CN=reviewer-portal");
        await using var provider = await TestOidcProvider.StartAsync(clientCertificate: certificate);
        await using var app = new IdentityTestApp("Production", provider.PortalSettings(CertificateSettings(certificate, source)));
        await using var browser = await IdentityBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.BaseUri.ToString());
        await OidcSignInBrowserTests.SignInAtProviderAsync(page, provider, "clinician");

        await page.WaitForURLAsync(app.BaseUri.ToString());
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("Dr. Ada Clinician");
        app.Audit.Entries.Should().ContainSingle(e => e.Action == SignInAudit.SignedIn);
    }

    [Fact]
    public async Task A_certificate_the_provider_does_not_know_gets_a_plain_refusal_and_no_session()
    {
        using var registered = NewCertificate("CN=reviewer-portal");
        using var other = NewCertificate("CN=reviewer-portal");
        await using var provider = await TestOidcProvider.StartAsync(clientCertificate: registered);
        await using var app = new IdentityTestApp("Production", provider.PortalSettings(CertificateSettings(other, "Path")));
        await using var browser = await IdentityBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();

        // oidc-provider offers pushed authorization requests, which the handler sends first, authenticated as the client:
        // the refusal comes before the provider's login page (Entra ID, without them, refuses at the code redemption).
        await page.GotoAsync(app.BaseUri.ToString());

        await Assertions.Expect(page.Locator("#sign-in-problem")).ToContainTextAsync("did not accept this portal's own credentials");
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == "__Host-portal.session");
        app.Audit.Entries.Should().NotContain(e => e.Action == SignInAudit.SignedIn);
        app.Logs.Lines.Should().Contain(line => line.Contains($"Sign-in rejected: {SignInFailure.ClientCredentialsRejected}", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string?> CertificateSettings(X509Certificate2 certificate, string source)
    {
        var pfx = certificate.Export(X509ContentType.Pfx, Password);
        var settings = new Dictionary<string, string?>
        {
            ["Identity:ClientSecret"] = null,
            ["Identity:ClientCertificates:0:SourceType"] = source,
            ["Identity:ClientCertificates:0:CertificatePassword"] = Password,
        };
        if (source == "Path")
        {
            var path = Path.Combine(_folder, Guid.NewGuid() + ".pfx");
            File.WriteAllBytes(path, pfx);
            settings["Identity:ClientCertificates:0:CertificateDiskPath"] = path;
        }
        else
        {
            settings["Identity:ClientCertificates:0:Base64EncodedValue"] = Convert.ToBase64String(pfx);
        }

        return settings;
    }

    internal static X509Certificate2 NewCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
