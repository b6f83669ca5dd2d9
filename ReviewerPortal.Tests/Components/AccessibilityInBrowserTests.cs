using Microsoft.Playwright;
using ReviewerPortal.Tests.Components.CaseReview;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components;

/// <summary>
/// Every page for every role in Chromium, light and dark, on a phone (390 px) and a desktop (1280 px): axe-core finds
/// nothing serious or critical. Screenshots at 390, 768 and 1280 px go to the test output's screenshots/ folder.
/// </summary>
[Trait("Category", "Slow")]
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
        // The tab switches on the server's round trip: a loaded machine needs more than the default 5 s.
        await Expect(clinician.GetByRole(AriaRole.Region, new() { Name = "Routine queue" }).GetByRole(AriaRole.Link).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
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

    /// <summary>
    /// The review page through a whole review, light and dark: before the claim (released), after it, editing with the
    /// changes shown, and after the approval. At 1280 px Approve and Reject are on screen without scrolling, also while
    /// the draft is scrolled; at 390 px nothing scrolls sideways.
    /// </summary>
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_review_page_has_no_serious_or_critical_violations_before_and_after_claim_while_editing_and_after_a_decision(string scheme)
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1006");
        await using var _ = app;
        var found = new List<string>();
        var page = await OpenAsync(app, scheme);
        await ChromiumFixture.GotoInteractiveAsync(page, "/review/" + Uri.EscapeDataString(task.Id));
        await Expect(ReviewPageSession.Status(page, "You are reviewing this case")).ToBeVisibleAsync();
        await ExpectSchemeAsync(page, scheme, "the review page follows the preference");
        await ExpectDecisionInViewAsync(page);
        found.AddRange(await CheckAsync(page, scheme, "review-claimed"));

        await page.Button("Release").ClickAsync();
        await Expect(page.Button("Claim this case")).ToBeVisibleAsync();
        found.AddRange(await CheckAsync(page, scheme, "review-before-claim"));
        await page.Button("Claim this case").ClickAsync();
        await Expect(ReviewPageSession.Status(page, "You are reviewing this case")).ToBeVisibleAsync();

        await page.Button("Edit draft").ClickAsync();
        await page.GetByLabel("Edited report").FillAsync("FINDINGS: No fracture.\n\nIMPRESSION: Normal cervical spine.");
        await page.Button("Show changes").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Changes against the draft" })).ToContainTextAsync("No fracture");
        await ExpectDecisionInViewAsync(page);
        found.AddRange(await CheckAsync(page, scheme, "review-editing"));

        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.Button("Approve edited report").ClickAsync();
        await Expect(ReviewPageSession.Status(page, "Approved report SHA-256")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The approved report, as published" })).ToBeVisibleAsync();
        found.AddRange(await CheckAsync(page, scheme, "review-approved"));

        found.Should().BeEmpty();
        _consoleErrors.Should().BeEmpty("the review page must work under the Content-Security-Policy");
    }

    /// <summary>
    /// At 1280 × 800 the Approve and Reject buttons lie inside the window, at the top of the page and with the page
    /// scrolled to its end (the panel is sticky); at 390 px the page does not scroll sideways.
    /// </summary>
    private static async Task ExpectDecisionInViewAsync(IPage page)
    {
        await page.SetViewportSizeAsync(1280, 800);
        foreach (var scroll in new[] { "0", "document.documentElement.scrollHeight" })
        {
            await page.EvaluateAsync($"() => window.scrollTo(0, {scroll})");
            await Expect(page.Button("Reject and request a revision")).ToBeInViewportAsync(new() { Ratio = 1 });
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") }))
                .ToBeInViewportAsync(new() { Ratio = 1 });
        }

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.SetViewportSizeAsync(390, 844);
        await LoopWaits.UntilAsync(
            async () => await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0,
            "the review page does not scroll sideways at 390 px", TimeSpan.FromSeconds(10));
        await page.SetViewportSizeAsync(1280, 900);
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

    /// <summary>
    /// True once the page is laid out for the width: no transition or finite animation still running, and the drawer (where
    /// the page has one) in its default for that width, beside the content from 960 px with the content clear of it,
    /// hidden below. A fixed pause here once let a loaded machine photograph the drawer over the content.
    /// </summary>
    private const string LaidOutForWidth = """
        width => {
            // A spinner animates for ever; a transition or a fade-in ends.
            const Settling = a => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity;
            if (window.innerWidth !== width || document.getAnimations().some(Settling)) return false;
            const drawer = document.querySelector("aside.mud-drawer");
            if (!drawer) return true;
            const box = drawer.getBoundingClientRect();
            const shown = getComputedStyle(drawer).display !== "none" && box.right > 0;
            const content = document.querySelector(".mud-main-content").getBoundingClientRect();
            return width >= 960 ? shown && box.left === 0 && content.left >= box.right - 1 : !shown;
        }
        """;

    /// <summary>Scans the page at each scanned width and photographs it at each screenshot width, then restores the desktop width.</summary>
    private static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string scheme, string name)
    {
        var found = new List<string>();
        foreach (var width in ScreenshotWidths.Union(ScannedWidths).OrderDescending())
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForFunctionAsync(LaidOutForWidth, width);
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
