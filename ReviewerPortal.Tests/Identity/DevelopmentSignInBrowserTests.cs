using Microsoft.Playwright;

namespace ReviewerPortal.Tests.Identity;

[Trait("Category", "Slow")]
public class DevelopmentSignInBrowserTests
{
    [Fact]
    public async Task A_clinician_picks_a_persona_in_Chromium_reaches_the_live_queue_under_the_CSP_and_signs_out()
    {
        await using var app = new IdentityTestApp();
        await using var browser = await IdentityBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.BaseUri.ToString());
        page.Url.Should().Contain("/signin/personas");
        await page.ClickAsync("[data-persona=persona-clinician]");

        await page.WaitForURLAsync(app.BaseUri.ToString());
        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("Dr. Dana Reyes");
        // The circuit is live: Blazor's script ran under the CSP and connected its WebSocket.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('#sign-out') !== null");

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/signed-out");
        await page.GotoAsync(app.BaseUri.ToString());
        page.Url.Should().Contain("/signin/personas");

        browser.ConsoleErrors.Should().BeEmpty("the Content-Security-Policy must not block anything Blazor or MudBlazor need");
        app.Audit.Entries.Select(e => (e.Action, e.ActorId)).Should().Equal(
            ("signed-in", "persona-clinician"), ("signed-out", "persona-clinician"));
    }
}
