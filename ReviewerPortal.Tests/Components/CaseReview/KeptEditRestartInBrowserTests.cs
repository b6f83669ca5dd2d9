using Microsoft.Playwright;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>Issue 10, item 7 in Chromium: an unsent edit outlives a restart of the portal (a redeploy), not only a reload.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class KeptEditRestartInBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task An_unsent_edit_is_restored_by_a_new_portal_host_on_the_same_data_directory()
    {
        using var data = new TempDirectory("reviewer-portal-restart");
        const string edit = "Findings rewritten before the redeploy: 4 mm subdural, no midline shift.";
        string taskId;
        await using (var before = new PortalApp(new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true", ["Portal:DataDirectory"] = data.Path }))
        {
            var store = before.GetRequiredService<IReviewTaskStore>();
            taskId = (await LoopWaits.OpenTasksAsync(store, QueueName.Urgent, 1, t => t.CaseId == "RP-1005")).Single().Id;
            var page = await ReviewPageSession.OpenAsync(chromium, before, taskId);
            await page.Button("Edit draft").ClickAsync();
            await Expect(page.GetByLabel("Edited report")).ToHaveAttributeAsync("data-watched", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
            await page.GetByLabel("Edited report").FillAsync(edit);
            await LoopWaits.UntilAsync(
                async () => await before.GetRequiredService<KeptEdits>().FindAsync("persona-clinician", taskId) is not null,
                "the edit is kept on the server after a pause in typing", TimeSpan.FromSeconds(15));
            await page.Context.CloseAsync();
        }

        // The first host is gone with its memory; the second reads the same SQLite file.
        await using var after = new PortalApp(new Dictionary<string, string?> { ["Portal:DataDirectory"] = data.Path });
        var reopened = await ReviewPageSession.OpenAsync(chromium, after, taskId);

        await Expect(reopened.Status("Your unsent edit was restored.")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Expect(reopened.GetByLabel("Edited report")).ToHaveValueAsync(edit);
        await reopened.Context.CloseAsync();
    }

    [Fact]
    public async Task An_edit_over_one_mebibyte_is_not_kept_and_the_page_says_so()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1004");
        await using var _ = app;
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await page.Button("Edit draft").ClickAsync();
        await Expect(page.GetByLabel("Edited report")).ToHaveAttributeAsync("data-watched", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });

        await page.PasteAsync("Edited report", new string('a', ApprovedReport.MaxBytes + 1));

        await Expect(page.Status("the portal keeps unsent edits up to 1024 KiB (1 MiB)")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        (await app.GetRequiredService<KeptEdits>().FindAsync("persona-clinician", task.Id)).Should().BeNull("a part of the edit is never kept");
        await page.Context.CloseAsync();
    }
}
