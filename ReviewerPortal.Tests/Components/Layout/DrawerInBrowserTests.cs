using Microsoft.Playwright;
using ReviewerPortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.Layout;

/// <summary>
/// The portal's drawer (CSS-only, no breakpoint listener on the server) in Chromium: beside the content on a desktop,
/// hidden on a phone until the menu button opens it over the content, with the button's state told to assistive
/// technology.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class DrawerInBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task On_a_desktop_the_drawer_is_beside_the_content_and_the_menu_button_closes_and_reopens_it()
    {
        await using var app = new PortalApp();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 });
        await Expect(page.AreaMenu()).ToBeInViewportAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        var besideDrawer = (await heading.BoundingBoxAsync())!.X;
        besideDrawer.Should().BeGreaterThan(200, "the content starts right of the open drawer");

        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false", new() { Timeout = 30_000 });
        await Expect(page.AreaMenu()).Not.ToBeInViewportAsync();
        // The content slides back to the left edge (MudBlazor's 225 ms margin transition).
        await page.WaitForFunctionAsync("() => document.querySelector('.page-heading h1').getBoundingClientRect().x < 100");

        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 30_000 });
        await Expect(page.AreaMenu()).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_button_opens_the_drawer_over_the_content_and_following_a_link_closes_it()
    {
        await using var app = new PortalApp();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(390, 844);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(page.AreaMenu()).Not.ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await menu.ClickAsync();
        await Expect(page.AreaMenu()).ToBeInViewportAsync(new() { Timeout = 30_000 });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        var heading = await page.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 }).BoundingBoxAsync();
        heading!.X.Should().BeLessThan(100, "on a phone the drawer lies over the content instead of pushing it aside");
        await page.ScreenshotAsync(new() { Path = ChromiumFixture.ScreenshotPath("drawer-open-390") });

        await page.AreaMenu().GetByRole(AriaRole.Link, new() { Name = "Queue" }).ClickAsync();
        await Expect(page.AreaMenu()).Not.ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        // Crossing 960 px returns an opened drawer to the desktop's default: beside the content.
        await menu.ClickAsync();
        await Expect(page.AreaMenu()).ToBeInViewportAsync(new() { Timeout = 30_000 });
        await page.SetViewportSizeAsync(1280, 900);
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 30_000 });
        await Expect(page.AreaMenu()).ToBeInViewportAsync();
        await Expect(page.Locator(".portal-drawer-flipped")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
