using Microsoft.Playwright;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>
/// A portal with the demo cases started and one person's review page on one case, found by role and accessible name
/// only (the tests outlive a change of component library).
/// </summary>
public static class ReviewPageSession
{
    public static async Task<(PortalApp App, ReviewTask Task)> DemoCaseAsync(string caseId, QueueName queue = QueueName.Urgent)
    {
        var app = new PortalApp(new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true" });
        var store = app.GetRequiredService<IReviewTaskStore>();
        var task = (await LoopWaits.OpenTasksAsync(store, queue, 1, t => t.CaseId == caseId)).Single();
        return (app, task);
    }

    /// <summary>Opens the task's review page as <paramref name="persona"/> in a fresh browser context.</summary>
    public static async Task<IPage> OpenAsync(ChromiumFixture chromium, PortalApp app, string taskId, string persona = "persona-clinician")
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/review/" + Uri.EscapeDataString(taskId), persona);
        return page;
    }

    /// <summary>
    /// Replaces a text box's text at once and raises its input event, as a paste does (Playwright's fill types a long
    /// report too slowly for a loaded machine).
    /// </summary>
    public static async Task PasteAsync(this IPage page, string label, string text) =>
        await page.GetByLabel(label).EvaluateAsync("(box, text) => { box.value = text; box.dispatchEvent(new Event('input', { bubbles: true })); }", text);

    /// <summary>
    /// Records, inside the page, the order in which an approval's confirmation arrives, is painted (the frame after it),
    /// and the published report arrives: read it with <see cref="ArrivalsAsync"/>.
    /// </summary>
    public static async Task RecordArrivalsAsync(this IPage page) => await page.EvaluateAsync("""
        () => {
          window.arrivals = [];
          const noted = new Set();
          const note = (what, present) => present && !noted.has(what) && noted.add(what) && window.arrivals.push(what);
          new MutationObserver(() => {
            const decision = document.querySelector('section[aria-label="Decision"]');
            if (note('confirmation', decision?.textContent.includes('Approved report SHA-256'))) {
              requestAnimationFrame(() => setTimeout(() => window.arrivals.push('confirmation painted')));
            }
            note('published report', [...document.querySelectorAll('h2')].some(h => h.textContent.includes('The approved report, as published')));
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """);

    public static async Task<string[]> ArrivalsAsync(this IPage page) => await page.EvaluateAsync<string[]>("() => window.arrivals");

    public static ILocator Button(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public static ILocator Status(this IPage page, string text) =>
        page.GetByText(text, new PageGetByTextOptions { Exact = false });

    /// <summary>A screenshot of the whole page, or of the window only where the page is very tall (a long report).</summary>
    public static async Task ShotAsync(this IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath(name), FullPage = fullPage });
}
