using System.Net;
using ReviewerPortal.Tests.Identity.Oidc;

namespace ReviewerPortal.Tests.Identity;

[Trait("Category", "Slow")]
public class SecurityHeadersTests
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/signin/personas")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_forbids_framing_sniffing_referrers_and_inline_or_foreign_script(string path)
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();

        using var response = await new CookieJar().SendAsync(client, HttpMethod.Get, path);

        var csp = Header(response, "Content-Security-Policy");
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'")
            .And.Contain("base-uri 'self'").And.Contain("form-action 'self'");
        csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "X-Frame-Options").Should().Be("DENY");
        Header(response, "Referrer-Policy").Should().Be("no-referrer");
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is for production only");
    }

    [Fact]
    public async Task In_production_behind_TLS_the_portal_sends_HSTS_and_lets_sign_out_forms_reach_the_provider()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        var settings = provider.PortalSettings();
        settings["Identity:PublicOrigin"] = "https://portal.hospital.example";
        await using var app = new IdentityTestApp("Production", settings);
        using var client = app.CreateRawClient();

        using var response = await new CookieJar().SendAsync(client, HttpMethod.Get, "/healthz");

        Header(response, "Strict-Transport-Security").Should().Be("max-age=31536000; includeSubDomains");
        Header(response, "Content-Security-Policy").Should().Contain($"form-action 'self' {provider.Issuer.GetLeftPart(UriPartial.Authority)}");
    }

    [Fact]
    public async Task Pages_that_need_a_role_send_anonymous_scripts_and_the_hub_a_status_code_instead_of_a_redirect()
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();

        using var negotiate = await client.PostAsync(new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null);

        negotiate.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "an anonymous browser gets no Blazor circuit");
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_so_other_sites_cannot_sign_people_out()
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();
        var session = await PersonaSignIn.SignInAsync(client, "persona-clinician");

        using var forged = await session.SendAsync(client, HttpMethod.Post, "/signout", new FormUrlEncodedContent([]));
        using var stillIn = await session.SendAsync(client, HttpMethod.Get, "/");

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        stillIn.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
