using Microsoft.Playwright;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.Pages;

/// <summary>The queue and review pages as a clinician uses them: the real portal, real SQLite, Debian Chromium.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class QueueAndReviewInBrowserTests(ChromiumFixture chromium)
{
    private static PortalApp SeededPortal() => new(new Dictionary<string, string?> { ["Demo:SeedRows"] = "true" });

    [Fact]
    public async Task The_queue_opens_on_the_seeded_urgent_tasks_soonest_deadline_first_and_a_task_opens_its_draft()
    {
        await using var app = SeededPortal();
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await ChromiumFixture.GotoInteractiveAsync(page, "/");

        var urgent = page.Region("Urgent queue");
        var rows = urgent.TaskRows();
        await Expect(rows).ToHaveCountAsync(7);
        var cases = await urgent.CaseLinks().AllInnerTextsAsync();
        cases.Should().OnlyContain(c => c.StartsWith("RP-1", StringComparison.Ordinal), "the urgent demo cases come first");
        cases[0].Should().Be("RP-1007", "the overdue portable chest X-ray has the earliest deadline");
        await Expect(rows.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-overdue"));
        await Expect(rows.First.GetByText(new System.Text.RegularExpressions.Regex("^Overdue by"))).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("queue-urgent"), FullPage = true });

        await urgent.GetByRole(AriaRole.Link, new() { Name = "RP-1001" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review/demo-rp-1001$"));
        await Expect(page.Locator(".case-title")).ToHaveTextAsync("CT head without contrast — suspected acute stroke");
        await Expect(page.Locator(".draft-label")).ToContainTextAsync("AI draft");
        await Expect(page.Locator(".draft-body h2").First).ToHaveTextAsync("Clinical indication");
        await Expect(page.Locator(".draft-body")).ToContainTextAsync("hyperdense left M1 sign");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("review-draft"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_routine_tab_lists_the_routine_tasks()
    {
        await using var app = SeededPortal();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Routine" }).ClickAsync();

        var routine = page.Region("Routine queue");
        await Expect(routine.TaskRows()).ToHaveCountAsync(9);
        var cases = await routine.CaseLinks().AllInnerTextsAsync();
        cases.Should().OnlyContain(c => c.StartsWith("RP-2", StringComparison.Ordinal));
        cases[0].Should().Be("RP-2002", "the chest X-ray waiting 26 hours is past its 24-hour deadline");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/\\?queue=routine$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queue_tabs_are_chosen_with_the_arrow_keys_home_and_end()
    {
        await using var app = SeededPortal();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        var urgent = page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Urgent" });
        var routine = page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Routine" });
        await Expect(page.GetByRole(AriaRole.Tablist, new() { Name = "Queues" })).ToBeVisibleAsync();
        await Expect(urgent).ToHaveAttributeAsync("tabindex", "0");
        await Expect(routine).ToHaveAttributeAsync("tabindex", "-1"); // one tab stop for the list

        await urgent.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(routine).ToBeFocusedAsync();
        await Expect(routine).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = "Routine" }).GetByRole(AriaRole.Region, new() { Name = "Routine queue" }).CaseLinks().First)
            .ToHaveTextAsync("RP-2002", new() { Timeout = 30_000 });

        await page.Keyboard.PressAsync("ArrowRight"); // wraps round to the first tab
        await Expect(urgent).ToBeFocusedAsync();
        await Expect(urgent).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 30_000 });
        await Expect(page.Region("Urgent queue").CaseLinks().First).ToHaveTextAsync("RP-1007", new() { Timeout = 30_000 });

        await page.Keyboard.PressAsync("End");
        await Expect(routine).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 30_000 });
        await page.Keyboard.PressAsync("Home");
        await Expect(urgent).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 30_000 });
        await Expect(routine).ToHaveAttributeAsync("aria-selected", "false");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_routine_tab_survives_a_reload_and_a_routine_task_leads_back_to_it()
    {
        await using var app = SeededPortal();
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await ChromiumFixture.GotoInteractiveAsync(page, "/?queue=routine");
        await Expect(page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Routine" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Region("Routine queue").GetByRole(AriaRole.Link, new() { Name = "RP-2002" }).ClickAsync();
        await page.Locator(".back-link a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/\\?queue=routine$"));
        await Expect(page.Region("Routine queue").CaseLinks().First).ToHaveTextAsync("RP-2002");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Urgent" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_task_registered_while_the_queue_is_open_appears_without_a_reload()
    {
        await using var app = new PortalApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        await Expect(page.Region("Urgent queue")).ToContainTextAsync("No tasks are waiting in this queue.");

        await store.RegisterAsync(NewTask("live-1", "RP-LIVE-1", DateTimeOffset.UtcNow.AddMinutes(30)));

        await Expect(page.Region("Urgent queue").CaseLinks()).ToHaveTextAsync("RP-LIVE-1");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_long_queue_pages_forward_and_back_in_deadline_order()
    {
        await using var app = new PortalApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var start = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 25; i++)
        {
            await store.RegisterAsync(NewTask($"page-{i:D2}", $"RP-P{i:D2}", start.AddMinutes(10 + i)));
        }

        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        var cases = page.Region("Urgent queue").CaseLinks();
        await Expect(cases).ToHaveCountAsync(ReviewQueue.PageSize);
        await Expect(cases.First).ToHaveTextAsync("RP-P01");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Next page" }).ClickAsync();
        await Expect(cases).ToHaveCountAsync(5);
        await Expect(cases.First).ToHaveTextAsync("RP-P21");
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Next page" })).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Previous page" }).ClickAsync();
        await Expect(cases).ToHaveCountAsync(ReviewQueue.PageSize);
        await Expect(cases.First).ToHaveTextAsync("RP-P01");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_draft_with_a_script_shows_the_script_as_text_and_runs_nothing()
    {
        await using var app = new PortalApp();
        var drafts = app.GetRequiredService<IDraftStore>();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var task = NewTask("xss-1", "RP-XSS-1", DateTimeOffset.UtcNow.AddMinutes(30));
        await drafts.WriteTextAsync(task.DraftLocation, "## Impression\n\n<script>document.title='pwned'; alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">", "text/markdown");
        await store.RegisterAsync(task);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await ChromiumFixture.GotoInteractiveAsync(page, "/review/xss-1");

        await Expect(page.Locator(".draft-body")).ToContainTextAsync("<script>document.title='pwned'; alert(1)</script>");
        await Expect(page.Locator(".draft-body script")).ToHaveCountAsync(0);
        await Expect(page.Locator(".draft-body img")).ToHaveCountAsync(0);
        (await page.TitleAsync()).Should().NotBe("pwned");
        dialogs.Should().Be(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_task_and_a_missing_draft_each_get_a_plain_message()
    {
        await using var app = new PortalApp();
        await app.GetRequiredService<IReviewTaskStore>().RegisterAsync(NewTask("no-draft", "RP-ND-1", DateTimeOffset.UtcNow.AddHours(2)));
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await ChromiumFixture.GotoInteractiveAsync(page, "/review/does-not-exist");
        await Expect(page.Locator("main")).ToContainTextAsync("There is no review task with the id “does-not-exist”");

        await ChromiumFixture.GotoInteractiveAsync(page, "/review/no-draft");
        await Expect(page.Locator(".draft-message")).ToContainTextAsync("was not found");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Exception");
        await page.Context.CloseAsync();
    }

    private static ReviewTask NewTask(string id, string caseId, DateTimeOffset due) => new()
    {
        Id = id,
        TaskToken = "token-" + id,
        ExecutionArn = "arn:aws:states:local:000000000000:execution:review:" + id,
        CaseId = caseId,
        StudyDescription = "CT head without contrast",
        Modality = "CT",
        Urgency = Urgency.Urgent,
        Queue = QueueName.Urgent,
        DraftLocation = $"s3://reviewer-portal-drafts/{id}/draft.md",
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        DueAt = due,
    };
}
