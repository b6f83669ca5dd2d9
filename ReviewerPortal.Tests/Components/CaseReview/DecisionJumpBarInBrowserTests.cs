using Microsoft.Playwright;
using ReviewerPortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>
/// On a phone and a tablet the decision follows the draft; a bar at the foot of the screen takes the clinician to it
/// without scrolling through the draft, never covers the decision or the text being edited, and decides nothing itself.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class DecisionJumpBarInBrowserTests(ChromiumFixture chromium)
{
    [Theory]
    [InlineData(390, 844, ColorScheme.Light)]
    [InlineData(768, 1024, ColorScheme.Dark)]
    public async Task Below_1000_px_a_bar_takes_the_clinician_to_the_decision_and_steps_aside_while_they_edit(int width, int height, ColorScheme scheme)
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1001");
        await using var _ = app;
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(width, height);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme });
        await ChromiumFixture.GotoInteractiveAsync(page, "/review/" + Uri.EscapeDataString(task.Id));
        var bar = page.GetByRole(AriaRole.Link, new() { Name = "Go to your decision" });
        // Opening the case claims it for this clinician.
        var approve = page.Button("Approve");
        await Expect(page.Button("Release")).ToHaveCountAsync(1);

        // Reading the draft from its top (the page first puts focus on the attestation, scrolled to the decision: wait
        // for that, or it scrolls the page back down after the test has scrolled up).
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'attest'");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.WaitForFunctionAsync("() => window.scrollY === 0");
        await Expect(bar).ToBeVisibleAsync();
        (await OnScreenAsync(page, bar)).Should().BeTrue("the bar sits at the foot of the screen while the draft is read");
        (await OnScreenAsync(page, approve)).Should().BeFalse("at this width the decision follows the draft");
        (await AxeScan.BlockingViolationsAsync(page, $"review {width} px with the bar")).Should().BeEmpty();
        await page.ShotAsync($"decision-bar-{width}-top", fullPage: false);

        await bar.ClickAsync();

        await Expect(approve).ToBeInViewportAsync();
        await Expect(page.Button("Reject and request a revision")).ToBeInViewportAsync();
        (await OverlapAsync(page, bar, approve)).Should().BeFalse("the bar never covers the decision's buttons");
        // Reaching the decision through the bar skipped nothing: Approve still waits for the attestation.
        await Expect(approve).ToBeDisabledAsync();
        await page.ShotAsync($"decision-bar-{width}-decision", fullPage: false);

        await page.Button("Edit draft").ClickAsync();
        var editor = page.GetByLabel("Edited report");
        await editor.FocusAsync();
        await Expect(bar).ToBeHiddenAsync();
        await Expect(page.Button("Approve edited report")).ToBeDisabledAsync();
        (await AxeScan.BlockingViolationsAsync(page, $"review {width} px editing")).Should().BeEmpty();
        await page.ShotAsync($"decision-bar-{width}-editing", fullPage: false);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task From_1000_px_there_is_no_bar_because_the_decision_is_beside_the_draft()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1001");
        await using var _ = app;
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(1280, 800);
        await ChromiumFixture.GotoInteractiveAsync(page, "/review/" + Uri.EscapeDataString(task.Id));

        await Expect(page.Button("Approve")).ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to your decision" })).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    private static async Task<bool> OnScreenAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        var viewport = page.ViewportSize!;
        return box is not null && box.Y >= 0 && box.Y + box.Height <= viewport.Height && box.X >= 0 && box.X + box.Width <= viewport.Width;
    }

    private static async Task<bool> OverlapAsync(IPage page, ILocator a, ILocator b)
    {
        var first = await a.BoundingBoxAsync();
        var second = await b.BoundingBoxAsync();
        return first is not null && second is not null
            && first.X < second.X + second.Width && second.X < first.X + first.Width
            && first.Y < second.Y + second.Height && second.Y < first.Y + first.Height;
    }
}
