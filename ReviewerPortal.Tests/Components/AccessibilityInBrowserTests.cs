using Microsoft.Playwright;
using ReviewerPortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components;

/// <summary>
/// Every page for every role in Chromium, light and dark, on a phone (390 px) and a desktop (1280 px): axe-core finds
/// nothing serious or critical. Screenshots at 390, 768 and 1280 px go to the test output's screenshots/ folder.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityInBrowserTests(ChromiumFixture chromium)
{
    private static readonly int[] ScannedWidths = [1280, 390];
    private static readonly int[] ScreenshotWidths = [390, 768, 1280];

    private static PortalApp SeededPortal() => new(new Dictionary<string, string?> { ["Demo:SeedRows"] = "true" });

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_sign_in_queue_escalations_operations_and_access_denied_pages_have_no_serious_or_critical_violations(string scheme)
    {
        await using var app = SeededPortal();
        var found = new List<string>();

        var anonymous = await OpenAsync(app, scheme);
        await anonymous.GotoAsync("/signin/personas");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Sign in as a development persona", Level = 1 })).ToBeVisibleAsync();
        await ExpectSchemeAsync(anonymous, scheme, "the sign-in page runs no script: the stylesheet follows the preference");
        found.AddRange(await CheckAsync(anonymous, scheme, "sign-in"));
        await anonymous.GotoAsync("/signed-out");
        found.AddRange(await CheckAsync(anonymous, scheme, "signed-out"));

        var clinician = await OpenAsync(app, scheme);
        await ChromiumFixture.GotoInteractiveAsync(clinician, "/");
        await Expect(clinician.GetByRole(AriaRole.Region, new() { Name = "Urgent queue" }).GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await ExpectSchemeAsync(clinician, scheme, "the live page's theme provider follows the preference");
        found.AddRange(await CheckAsync(clinician, scheme, "queue-urgent"));
        await clinician.GetByRole(AriaRole.Tab, new() { Name = "Routine" }).ClickAsync();
        await Expect(clinician.GetByRole(AriaRole.Region, new() { Name = "Routine queue" }).GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        found.AddRange(await CheckAsync(clinician, scheme, "queue-routine"));
        await clinician.GotoAsync("/operations");
        await Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
        found.AddRange(await CheckAsync(clinician, scheme, "not-allowed-in-page"));
        await clinician.GotoAsync("/access-denied");
        found.AddRange(await CheckAsync(clinician, scheme, "access-denied"));

        var supervisor = await OpenAsync(app, scheme);
        await ChromiumFixture.GotoInteractiveAsync(supervisor, "/escalations", "persona-supervisor");
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "Escalations", Level = 1 })).ToBeVisibleAsync();
        await Expect(supervisor.GetByRole(AriaRole.Region, new() { Name = "Overdue urgent tasks" })).ToBeVisibleAsync();
        found.AddRange(await CheckAsync(supervisor, scheme, "escalations"));

        var operator_ = await OpenAsync(app, scheme);
        await ChromiumFixture.GotoInteractiveAsync(operator_, "/operations", "persona-operator");
        await operator_.GetByRole(AriaRole.Button, new() { Name = "Start urgent demo case" }).ClickAsync();
        await Expect(operator_.GetByRole(AriaRole.Region, new() { Name = "UrgentReview" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        found.AddRange(await CheckAsync(operator_, scheme, "operations"));
        await operator_.GetByRole(AriaRole.Button, new() { Name = "Event 1: ExecutionStarted details" }).ClickAsync();
        await Expect(operator_.GetByRole(AriaRole.Dialog)).ToContainTextAsync("\"input\"");
        found.AddRange(await CheckAsync(operator_, scheme, "operations-event-dialog"));

        found.Should().BeEmpty();
        _consoleErrors.Should().BeEmpty("MudBlazor must work under the Content-Security-Policy on every page");
    }

    private readonly List<string> _consoleErrors = [];

    private async Task<IPage> OpenAsync(PortalApp app, string scheme)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        return page;
    }

    /// <summary>The page's background is dark in the dark scheme and light in the light one.</summary>
    private static async Task ExpectSchemeAsync(IPage page, string scheme, string because)
    {
        // "rgb(r, g, b)": the red channel tells a dark background from a light one well enough for these palettes.
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var red = int.Parse(background.Split('(', ',')[1], System.Globalization.CultureInfo.InvariantCulture);
        (red < 128 ? "dark" : "light").Should().Be(scheme, $"{because} (body background {background})");
    }

    /// <summary>Scans the page at each scanned width and photographs it at each screenshot width, then restores the desktop width.</summary>
    private static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string scheme, string name)
    {
        var found = new List<string>();
        foreach (var width in ScreenshotWidths.Union(ScannedWidths).OrderDescending())
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForTimeoutAsync(300); // MudBlazor's breakpoint listener re-lays the drawer and tables out.
            if (ScreenshotWidths.Contains(width))
            {
                await page.ScreenshotAsync(new() { Path = ChromiumFixture.ScreenshotPath($"{name}-{scheme}-{width}"), FullPage = true });
            }

            if (ScannedWidths.Contains(width))
            {
                found.AddRange(await AxeScan.BlockingViolationsAsync(page, $"{name} ({scheme}, {width} px)"));
            }
        }

        await page.SetViewportSizeAsync(1280, 900);
        return found;
    }
}
