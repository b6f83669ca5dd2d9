using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
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
        var settings = new IdentityOptions { Mode = IdentityMode.Oidc, TenantId = "7c4ab3c2-0d6c-4b7e-9b55-2f5a3f0c1a11", ClientId = "app" };

        IdentityStartupChecks.Verify(settings, Environment("Production"));

        settings.EffectiveAuthority.Should().Be(new Uri("https://login.microsoftonline.com/7c4ab3c2-0d6c-4b7e-9b55-2f5a3f0c1a11/v2.0"));
    }

    [Fact]
    public void A_multi_tenant_app_without_allowed_tenants_refuses_to_start()
    {
        var verify = () => IdentityStartupChecks.Verify(
            new IdentityOptions { Mode = IdentityMode.Oidc, TenantId = "organizations", ClientId = "app" }, Environment("Production"));

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

    private static IdentityOptions Oidc(string authority) =>
        new() { Mode = IdentityMode.Oidc, Authority = new Uri(authority), ClientId = "app" };

    private static Host Environment(string name) => new(name);

    private sealed class Host(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ReviewerPortal";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
