using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using ReviewerPortal;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity;

public class IdentityStartupChecksTests
{
    [Fact]
    public void Oidc_mode_without_a_tenant_or_client_id_refuses_to_start_and_says_what_to_set()
    {
        var verify = () => IdentityStartupChecks.Verify(new IdentityOptions { Mode = IdentityMode.Oidc, ClientId = "app" }, Environment("Production"));

        verify.Should().Throw<InvalidOperationException>()
            .WithMessage("*Identity:TenantId (or Identity:Authority) or Identity:ClientId is missing*TenantId=<directory id>*");
    }

    [Fact]
    public void A_tenant_id_on_the_default_instance_is_enough_to_start()
    {
        var settings = new IdentityOptions { Mode = IdentityMode.Oidc, TenantId = "7c4ab3c2-0d6c-4b7e-9b55-2f5a3f0c1a11", ClientId = "app", ClientSecret = "s" };

        IdentityStartupChecks.Verify(settings, Environment("Production"));

        settings.EffectiveAuthority.Should().Be(new Uri("https://login.microsoftonline.com/7c4ab3c2-0d6c-4b7e-9b55-2f5a3f0c1a11/v2.0"));
    }

    [Fact]
    public void A_multi_tenant_app_without_allowed_tenants_refuses_to_start()
    {
        var verify = () => IdentityStartupChecks.Verify(
            new IdentityOptions { Mode = IdentityMode.Oidc, TenantId = "organizations", ClientId = "app", ClientSecret = "s" }, Environment("Production"));

        verify.Should().Throw<InvalidOperationException>().WithMessage("*multi-tenant*Identity:AllowedTenants:0*");
    }

    [Fact]
    public void An_authority_over_plain_http_is_refused_unless_it_is_on_this_machine()
    {
        var remote = () => IdentityStartupChecks.Verify(Oidc("http://login.example.org/tenant"), Environment("Production"));
        var loopback = () => IdentityStartupChecks.Verify(Oidc("http://127.0.0.1:5555"), Environment("Production"));

        remote.Should().Throw<InvalidOperationException>().WithMessage("Identity:Instance (or Identity:Authority) must use https*");
        loopback.Should().NotThrow();
    }

    [Fact]
    public void Development_personas_start_in_the_Development_environment()
    {
        var verify = () => IdentityStartupChecks.Verify(new IdentityOptions(), Environment("Development"));

        verify.Should().NotThrow();
    }

    [Fact]
    public void Oidc_mode_without_a_client_secret_or_certificate_refuses_to_start_and_shows_both_ways()
    {
        var settings = Oidc("https://login.example.org/tenant");
        settings.ClientSecret = null;

        var verify = () => IdentityStartupChecks.Verify(settings, Environment("Production"));

        verify.Should().Throw<PortalConfigurationException>()
            .WithMessage("*neither Identity:ClientSecret nor Identity:ClientCertificates is set*Identity:ClientCertificates:0:CertificateDiskPath=*");
    }

    [Fact]
    public void A_secret_and_a_certificate_together_are_refused()
    {
        var settings = Oidc("https://login.example.org/tenant");
        settings.ClientCertificates.Add(CertificateDescription.FromPath("/nowhere/portal.pfx", "pw"));

        var verify = () => IdentityStartupChecks.Verify(settings, Environment("Production"));

        verify.Should().Throw<PortalConfigurationException>().WithMessage("Both Identity:ClientSecret and Identity:ClientCertificates are set*");
    }

    [Fact]
    public void A_certificate_file_that_cannot_be_read_refuses_to_start_and_names_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pfx");
        var garbage = Path.GetTempFileName();
        File.WriteAllText(garbage, "not a certificate");
        try
        {
            foreach (var path in new[] { missing, garbage })
            {
                var settings = Oidc("https://login.example.org/tenant");
                settings.ClientSecret = null;
                settings.ClientCertificates.Add(CertificateDescription.FromPath(path, "pw"));

                var verify = () => IdentityStartupChecks.Verify(settings, Environment("Production"));

                verify.Should().Throw<PortalConfigurationException>()
                    .WithMessage($"No certificate in Identity:ClientCertificates can be used*Identity:ClientCertificates:0 (Path {path})*");
            }
        }
        finally
        {
            File.Delete(garbage);
        }
    }

    [Fact]
    public void A_certificate_without_its_private_key_cannot_sign_and_is_refused()
    {
        using var withKey = ReviewerPortal.Tests.Identity.Oidc.CertificateSignInBrowserTests.NewCertificate("CN=reviewer-portal");
        var settings = Oidc("https://login.example.org/tenant");
        settings.ClientSecret = null;
        settings.ClientCertificates.Add(CertificateDescription.FromBase64Encoded(Convert.ToBase64String(withKey.Export(X509ContentType.Cert))));

        var verify = () => IdentityStartupChecks.Verify(settings, Environment("Production"));

        verify.Should().Throw<PortalConfigurationException>().WithMessage("*no RSA private key*");
    }

    [Fact]
    public void A_readable_certificate_with_its_key_is_enough_to_start()
    {
        using var certificate = ReviewerPortal.Tests.Identity.Oidc.CertificateSignInBrowserTests.NewCertificate("CN=reviewer-portal");
        var settings = Oidc("https://login.example.org/tenant");
        settings.ClientSecret = null;
        settings.ClientCertificates.Add(CertificateDescription.FromBase64Encoded(Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, "pw")), "pw"));

        var verify = () => IdentityStartupChecks.Verify(settings, Environment("Production"));

        verify.Should().NotThrow();
    }

    private static IdentityOptions Oidc(string authority) =>
        new() { Mode = IdentityMode.Oidc, Authority = new Uri(authority), ClientId = "app", ClientSecret = "s" };

    private static Host Environment(string name) => new(name);

    private sealed class Host(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ReviewerPortal";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
