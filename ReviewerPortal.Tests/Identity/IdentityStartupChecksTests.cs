using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity;

public class IdentityStartupChecksTests
{
    [Fact]
    public void Oidc_mode_without_an_authority_or_client_id_refuses_to_start_and_says_what_to_set()
    {
        var verify = () => IdentityStartupChecks.Verify(new IdentityOptions { Mode = IdentityMode.Oidc, ClientId = "app" }, Environment("Production"));

        verify.Should().Throw<InvalidOperationException>()
            .WithMessage("*Identity:Authority or Identity:ClientId is missing*https://login.microsoftonline.com/<tenant-id>/v2.0*");
    }

    [Fact]
    public void An_authority_over_plain_http_is_refused_unless_it_is_on_this_machine()
    {
        var remote = () => IdentityStartupChecks.Verify(Oidc("http://login.example.org/tenant"), Environment("Production"));
        var loopback = () => IdentityStartupChecks.Verify(Oidc("http://127.0.0.1:5555"), Environment("Production"));

        remote.Should().Throw<InvalidOperationException>().WithMessage("Identity:Authority must use https*");
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
