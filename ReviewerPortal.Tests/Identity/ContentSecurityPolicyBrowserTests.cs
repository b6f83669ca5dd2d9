using Microsoft.Playwright;

namespace ReviewerPortal.Tests.Identity;

[Trait("Category", "Slow")]
public class ContentSecurityPolicyBrowserTests
{
    [Fact]
    public async Task The_queue_and_a_review_with_seeded_demo_cases_render_and_update_under_the_CSP_without_violations()
    {
        await using var app = new IdentityTestApp(settings: new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true" });
        await using var browser = await IdentityBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.BaseUri.ToString());
        await page.ClickAsync("[data-persona=persona-supervisor]");
        await page.WaitForURLAsync("**/escalations"); // a supervisor's own start page
        await page.GotoAsync(app.BaseUri.ToString());

        await page.Locator("a.case-link").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.Locator("a.case-link").First.ClickAsync();
        await page.WaitForURLAsync("**/review/**");
        await page.Locator(".review-layout").WaitForAsync();
        await page.GoBackAsync();
        await page.Locator("a.case-link").First.WaitForAsync();

        browser.ConsoleErrors.Should().BeEmpty("Blazor, MudBlazor and the portal's pages must work under the Content-Security-Policy");
    }
}
