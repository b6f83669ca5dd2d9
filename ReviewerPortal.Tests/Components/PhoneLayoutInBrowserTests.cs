using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReviewerPortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components;

/// <summary>The portal on a 390 px wide phone in Chromium: lists become stacked cards and stay usable.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class PhoneLayoutInBrowserTests(ChromiumFixture chromium)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task On_a_phone_the_queue_scrolls_only_downwards_and_every_case_link_is_on_screen()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Demo:SeedRows"] = "true" });
        var page = await PhoneAsync(app);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        var links = page.Region("Urgent queue").CaseLinks();
        await Expect(links).ToHaveCountAsync(7);

        (await HorizontalOverflowAsync(page)).Should().Be(0, "the queue must not scroll sideways at 390 px");
        foreach (var link in await links.AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            (box!.X + box.Width).Should().BeLessThanOrEqualTo(PhoneWidth, "each case link stays on screen");
        }

        await links.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/review/"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_an_operator_opens_an_execution_from_the_list()
    {
        await using var app = new PortalApp();
        var page = await PhoneAsync(app);
        await ChromiumFixture.GotoInteractiveAsync(page, "/operations", "persona-operator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start routine demo case" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/operations\\?execution=arn"));
        await ChromiumFixture.GotoInteractiveAsync(page, "/operations", "persona-operator");

        var execution = page.Region("Workflow executions").GetByRole(AriaRole.Link).First;
        var name = await execution.InnerTextAsync();
        await execution.ClickAsync();

        await Expect(page.ExecutionDetail().GetByRole(AriaRole.Heading, new() { Name = name, Level = 2 })).ToBeVisibleAsync();
        (await HorizontalOverflowAsync(page)).Should().Be(0, "Operations must not scroll sideways at 390 px");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> PhoneAsync(PortalApp app)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        return page;
    }

    /// <summary>How many pixels the page is wider than the screen.</summary>
    private static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
