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

    public static ILocator Button(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public static ILocator Status(this IPage page, string text) =>
        page.GetByText(text, new PageGetByTextOptions { Exact = false });

    /// <summary>A screenshot of the whole page, or of the window only where the page is very tall (a long report).</summary>
    public static async Task ShotAsync(this IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath(name), FullPage = fullPage });
}
