using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>Issue 10, items 1, 3, 4 and 8 in Chromium: what the clinician approves is exactly what is published.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class SafeApprovalInBrowserTests(ChromiumFixture chromium)
{
    [Theory]
    [InlineData("RP-1001", 24 * 1024)]
    [InlineData("RP-1002", 200 * 1024)]
    public async Task A_long_edit_is_published_byte_for_byte_and_its_hash_is_shown(string caseId, int size)
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync(caseId);
        await using var _ = app;
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await Expect(page.Status("You are reviewing this case")).ToBeVisibleAsync();

        await page.Button("Edit draft").ClickAsync();
        var edit = LongReport(size);
        await page.PasteAsync("Edited report", edit);
        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.RecordArrivalsAsync();
        await page.Button("Approve edited report").ClickAsync();

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(edit)));
        await Expect(page.Status("Approved report SHA-256")).ToContainTextAsync(sha[..12], new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        var next = page.Status("Published: the final report is at");
        await Expect(next).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var published = Regex.Match(await next.InnerTextAsync(), @"s3://\S+\.md").Value;
        var report = await app.GetRequiredService<IDraftStore>().ReadTextAsync(published, 10_000_000);
        report.Text.Should().Be(edit, "the published report is the text on screen at the click");
        report.Sha256.Should().Be(sha);
        var decision = (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.Decision!;
        decision.FinalSha256.Should().Be(sha);
        decision.EditedFromDraft.Should().BeTrue();
        decision.EditDiff.Should().Contain("+ ");

        // The clinician's answer is painted before the long report is even sent: it never waits for the report's layout.
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "The approved report, as published" })).ToBeVisibleAsync();
        (await page.ArrivalsAsync()).Should().Equal(["confirmation", "confirmation painted", "published report"]);
        // The window, not the whole page: the published report below the confirmation is up to 200 KB long.
        await page.ShotAsync($"safe-long-edit-{size / 1024}k", fullPage: false);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_edit_over_one_mebibyte_is_refused_with_the_limit_and_nothing_is_published()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1003");
        await using var _ = app;
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await page.Button("Edit draft").ClickAsync();

        await page.PasteAsync("Edited report", LongReport(ApprovedReport.MaxBytes + 10_000));
        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.Button("Approve edited report").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "1 MiB" })).ToContainTextAsync("Nothing was published");
        (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.IsOpen.Should().BeTrue();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Approving_as_shown_publishes_no_ai_disclaimer_and_a_reload_shows_the_published_report()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1004");
        await using var _ = app;
        var stored = await app.GetRequiredService<IDraftStore>().ReadTextAsync(task.DraftLocation, 1_000_000);
        stored.Text.Should().Contain("Not a final report", "the model's draft carries the disclaimer");
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await Expect(page.GetByRole(AriaRole.Article)).Not.ToContainTextAsync("Not a final report");

        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.Button("Approve").ClickAsync();
        await Expect(page.Status("Published: the final report is at")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });

        var decision = (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.Decision!;
        var report = await app.GetRequiredService<IDraftStore>().ReadTextAsync(decision.FinalReportLocation!, 1_000_000);
        report.Text.Should().NotContain("AI-generated").And.Be(ReportProvenance.WithoutDisclaimer(stored.Text!));
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "The approved report, as published" })).ToBeVisibleAsync();
        await Expect(page.Status("Approved by Dr. Dana Reyes at")).ToBeVisibleAsync();
        await Expect(page.Button("Approve")).ToHaveCountAsync(0);
        await page.ShotAsync("safe-approved-after-reload");

        // The page links to the published report's own text, served to reviewers only.
        var link = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open the published report as plain text" });
        var href = await link.GetAttributeAsync("href");
        var served = await page.Context.APIRequest.GetAsync(href!);
        served.Status.Should().Be(200);
        served.Headers["content-type"].Should().StartWith("text/plain");
        (await served.TextAsync()).Should().Be(report.Text, "the link serves the published bytes");
        await link.ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync(report.Text!.Split('\n')[0]);
        await page.Context.CloseAsync();

        var operator_ = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(operator_, "/operations", "persona-operator");
        await operator_.GotoAsync(href!);
        await Expect(operator_.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
        await Expect(operator_.Locator("body")).Not.ToContainTextAsync(report.Text!.Split('\n')[0]);
        await operator_.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manual_draft_is_not_labelled_ai_and_cannot_be_approved_until_its_placeholders_are_replaced()
    {
        await using var app = new PortalApp();
        app.GetRequiredService<LocalFaultPlan>().Arm(LocalFault.IncompleteDraft, 1);
        await LoopWaits.StartCaseAsync(app, DemoStudies.MriKnee, "RP-MANUAL-1");
        var task = (await LoopWaits.OpenTasksAsync(app.GetRequiredService<IReviewTaskStore>(), QueueName.Routine, 1, t => t.IsManualDraft)).Single();
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Manual drafting — no AI draft is available" })).ToBeVisibleAsync();
        await Expect(page.GetByText("AI draft", new PageGetByTextOptions { Exact = true })).ToHaveCountAsync(0);
        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.Button("Approve edited report").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "Replace every placeholder" })).ToBeVisibleAsync();
        (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.IsOpen.Should().BeTrue();
        await page.ShotAsync("safe-manual-refused");

        var box = page.GetByLabel("Edited report");
        await box.FillAsync((await box.InputValueAsync()).Replace(ManualDrafting.Placeholder, "Written by the radiologist.", StringComparison.Ordinal));
        await page.Button("Approve edited report").ClickAsync();
        await Expect(page.Status("Approved report SHA-256")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unsent_edit_is_restored_after_a_reload_and_leaving_the_page_asks_first()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1005");
        await using var _ = app;
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await page.Button("Edit draft").ClickAsync();
        // The box's script watches it once the page's module has loaded; text typed before that is still approved as
        // shown, but only typing after it is kept on the server.
        await Expect(page.GetByLabel("Edited report")).ToHaveAttributeAsync("data-watched", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await page.GetByLabel("Edited report").FillAsync("Findings rewritten at 3 a.m., not sent yet.");
        await LoopWaits.UntilAsync(
            async () => await app.GetRequiredService<KeptEdits>().FindAsync("persona-clinician", task.Id) is not null,
            "the edit is kept on the server after a pause in typing", TimeSpan.FromSeconds(15));

        await page.ReloadAsync();
        await page.Locator("main[data-interactive]").WaitForAsync();

        await Expect(page.Status("Your unsent edit was restored.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Edited report")).ToHaveValueAsync("Findings rewritten at 3 a.m., not sent yet.");
        string? asked = null;
        page.Dialog += (_, dialog) =>
        {
            asked = dialog.Message;
            _ = dialog.DismissAsync();
        };
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "← Back to the queue" }).ClickAsync();
        await LoopWaits.UntilAsync(() => Task.FromResult(asked is not null), "the page asks before leaving unsent text", TimeSpan.FromSeconds(10));
        asked.Should().Contain("has not been sent");
        page.Url.Should().Contain("/review/", "staying was chosen");
        await page.Context.CloseAsync();
    }

    /// <summary>A report of about <paramref name="bytes"/> bytes of UTF-8, with multi-byte characters, pasted prior findings style.</summary>
    private static string LongReport(int bytes)
    {
        var text = new StringBuilder("# CT CHEST, ABDOMEN AND PELVIS — edited\n\n## FINDINGS\n\n");
        for (var (i, length) = (1, Encoding.UTF8.GetByteCount(text.ToString())); length < bytes; i++)
        {
            var line = $"Prior finding {i}: 4 mm nodule, right lower lobe, unchanged (µ ≈ 12 HU) – see 2025 study.\n";
            text.Append(line);
            length += Encoding.UTF8.GetByteCount(line); // counting the whole text each round made this quadratic
        }

        return text.Append("\n## IMPRESSION\n\n1. No new finding.\n").ToString();
    }
}
