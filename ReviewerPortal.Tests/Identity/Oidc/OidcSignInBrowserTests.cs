using Microsoft.Playwright;
using ReviewerPortal.Audit;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity.Oidc;

[Trait("Category", "Slow")]
public class OidcSignInBrowserTests
{
    [Theory]
    [InlineData("clinician", "Dr. Ada Clinician", "00000000-0000-0000-0000-00000000c111", "")]
    [InlineData("supervisor", "Dr. Sol Supervisor", "00000000-0000-0000-0000-00000000a222", "escalations")]
    [InlineData("operator", "Opal Operator", "00000000-0000-0000-0000-00000000e333", "operations")]
    public async Task A_user_signs_in_at_an_Entra_shaped_provider_in_Chromium_and_lands_on_their_roles_start_page(
        string login, string name, string oid, string startPage)
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        await using var browser = await IdentityBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        string? callback = null;
        page.Request += (_, request) => callback = request.Url.Contains("/signin-oidc?", StringComparison.Ordinal) ? request.Url : callback;

        await page.GotoAsync(app.BaseUri.ToString());
        await SignInAtProviderAsync(page, provider, login);

        // The queue for a clinician, escalations for a supervisor, Operations for an operator: never "Not allowed".
        await page.WaitForURLAsync(app.BaseUri + startPage);
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#access-denied")).ToHaveCountAsync(0);
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "__Host-portal.session");
        (session.HttpOnly, session.Secure, session.SameSite, session.Path).Should().Be((true, true, SameSiteAttribute.Lax, "/"));
        app.Audit.Entries.Should().ContainSingle(e => e.Action == SignInAudit.SignedIn)
            .Which.Should().Match<AuditEntry>(e => e.ActorId == oid && e.ActorName == name && e.Detail == "oidc");
        var returned = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(callback!).Query);
        app.Logs.All.Should().NotContain(returned["code"].ToString(), "authorization codes stay out of logs")
            .And.NotContain(returned["state"].ToString()).And.NotContain(session.Value);
        browser.ConsoleErrors.Where(e => e.Contains(app.BaseUri.Authority, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_session_and_the_providers_session_and_is_audited()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        await using var browser = await IdentityBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.BaseUri.ToString());
        await SignInAtProviderAsync(page, provider, "clinician");
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("Dr. Ada Clinician");

        await page.ClickAsync("#sign-out");
        await page.ClickAsync("#confirm-logout");

        await page.WaitForURLAsync("**/signed-out");
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == "__Host-portal.session");
        // The provider's session is gone too: signing in again asks for a login.
        await page.GotoAsync(app.BaseUri.ToString());
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        app.Audit.Entries.Select(e => e.Action).Should().Equal(SignInAudit.SignedIn, SignInAudit.SignedOut);
    }

    /// <summary>The provider's development login (any password) and consent pages.</summary>
    internal static async Task SignInAtProviderAsync(IPage page, TestOidcProvider provider, string login)
    {
        await page.WaitForURLAsync(provider.Issuer + "**");
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "any password");
        await page.ClickAsync("button[type=submit]");
        await page.ClickAsync("button:has-text('Continue')");
    }
}
