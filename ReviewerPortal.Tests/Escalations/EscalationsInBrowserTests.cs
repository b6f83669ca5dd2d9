using Microsoft.Playwright;
using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Identity;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Storage.DynamoDb;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Escalations;

/// <summary>
/// The supervisors' Escalations page in Chromium: in Local mode with real executions on the local engine, and in Aws mode
/// with tasks in moto's DynamoDB (the override a DynamoDB transaction).
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class EscalationsInBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_supervisor_sees_an_escalated_case_and_takes_it_over_from_the_clinician_whose_page_says_they_lost_it()
    {
        // The portal's clock starts at the real time (so browser cookies stay valid) and moves only when the test moves it.
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new IdentityTestApp(clock: clock);
        var store = app.GetRequiredService<IReviewTaskStore>();
        var execution = await LoopWaits.StartCaseAsync(app, DemoStudies.CtPulmonaryAngiogram, "RP-ESC-1");
        var first = (await LoopWaits.OpenTasksAsync(store, QueueName.Urgent, 1)).Single();

        // Nobody picks it up: the urgent gate's 10-minute heartbeat window passes and the workflow escalates the case.
        clock.Advance(TimeSpan.FromMinutes(10));
        var escalated = (await LoopWaits.OpenTasksAsync(store, QueueName.Escalation, 1)).Single();
        (escalated.CaseId, escalated.ExecutionArn).Should().Be(("RP-ESC-1", execution));
        (await store.GetAsync(first.Id))!.Status.Should().Be(ReviewStatus.Expired);

        var clinician = await ClinicianClaimsAsync(app, escalated.Id);
        var lease = (await store.GetAsync(escalated.Id))!.Claim!;

        var supervisor = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(supervisor, "/escalations", "persona-supervisor");
        var row = supervisor.Region("Escalation queue").TaskRows("RP-ESC-1");
        // Due two hours after the escalation gate was entered (sub-second rounding may show 1 h 59 min).
        await Expect(row.GetByText(new System.Text.RegularExpressions.Regex("^(2 h|1 h 59 min) left$"))).ToBeVisibleAsync();
        await Expect(row.GetByText("In review: Dr. Dana Reyes")).ToBeVisibleAsync();
        var held = supervisor.Region("Claims held by others").TaskRows("RP-ESC-1");
        await Expect(held.GetByRole(AriaRole.Cell, new() { Name = "Dr. Dana Reyes", Exact = true })).ToBeVisibleAsync();
        await Expect(held.GetByRole(AriaRole.Cell, new() { Name = $"{lease.Until.UtcDateTime:HH:mm} UTC (20 min left)", Exact = true })).ToBeVisibleAsync();
        await supervisor.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("escalations-held-claim"), FullPage = true });

        await held.GetByRole(AriaRole.Button, new() { Name = "Take over RP-ESC-1" }).ClickAsync();
        // The confirmation names the case and links to it, before anything changes hands.
        var question = supervisor.GetByRole(AriaRole.Dialog);
        await Expect(question).ToContainTextAsync("Take over RP-ESC-1 from Dr. Dana Reyes?");
        await Expect(question.GetByRole(AriaRole.Link, new() { Name = "RP-ESC-1", Exact = true }))
            .ToHaveAttributeAsync("href", "review/" + Uri.EscapeDataString(escalated.Id));
        (await store.GetAsync(escalated.Id))!.Claim!.ReviewerId.Should().Be("persona-clinician", "nothing changes until the supervisor confirms");
        await supervisor.ConfirmAsync("Take over");

        await Expect(supervisor.Status("You now hold RP-ESC-1 until")).ToContainTextAsync("taken over from Dr. Dana Reyes.");
        await Expect(supervisor.Region("Claims held by others").TaskRows()).ToHaveCountAsync(0);
        await Expect(clinician.GetByText("You no longer hold this case: Dr. Sam Okafor holds it now")).ToBeVisibleAsync();
        var takenAt = (await app.GetRequiredService<IAuditTrail>().ListForTaskAsync(escalated.Id)).Last(e => e.Action == "claim-reassigned").At;
        await Expect(clinician.GetByText($"Dr. Sam Okafor holds it now (since {takenAt.UtcDateTime:HH:mm} UTC, until")).ToBeVisibleAsync();
        await Expect(clinician.Locator(".task-status")).ToHaveTextAsync("In review by Dr. Sam Okafor");
        await Expect(clinician.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);
        await clinician.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("escalations-clinician-lost-claim"), FullPage = true });
        (await store.GetAsync(escalated.Id))!.Claim!.ReviewerId.Should().Be("persona-supervisor");
        await SupervisorAuditedAsync(app.GetRequiredService<IAuditTrail>(), escalated.Id, "claim-reassigned", "from Dr. Dana Reyes (persona-clinician) to Dr. Sam Okafor (persona-supervisor)");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Open RP-ESC-1", Exact = true }).ClickAsync();
        await Expect(supervisor.GetByText("You are reviewing this case")).ToBeVisibleAsync();
        await CloseAsync(clinician, supervisor);
    }

    [Fact]
    public async Task A_supervisor_releases_a_clinicians_claim_and_the_clinicians_page_says_the_case_is_back_in_the_queue()
    {
        await using var app = new PortalApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        await LoopWaits.StartCaseAsync(app, DemoStudies.MriKnee, "RP-ESC-2");
        var task = (await LoopWaits.OpenTasksAsync(store, QueueName.Routine, 1)).Single();
        var clinician = await ClinicianClaimsAsync(app, task.Id);

        var supervisor = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(supervisor, "/escalations", "persona-supervisor");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Release claim on RP-ESC-2" }).ClickAsync();
        await supervisor.ConfirmAsync("Release claim");

        await Expect(supervisor.Status("Dr. Dana Reyes's claim on RP-ESC-2 is released; the case is back in the routine queue.")).ToBeVisibleAsync();
        await Expect(clinician.GetByText("You no longer hold this case: your claim was released or ran out, and the case is back in the queue.")).ToBeVisibleAsync();
        await Expect(clinician.GetByRole(AriaRole.Button, new() { Name = "Claim this case", Exact = true })).ToBeVisibleAsync();
        (await store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Pending);
        await SupervisorAuditedAsync(app.GetRequiredService<IAuditTrail>(), task.Id, "claim-released-by-supervisor", "released the claim of Dr. Dana Reyes (persona-clinician)");
        await CloseAsync(clinician, supervisor);
    }

    [Fact]
    public async Task Overdue_work_is_counted_in_words_and_listed_soonest_due_first_in_each_queue()
    {
        await using var app = new PortalApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var now = DateTimeOffset.UtcNow;
        await store.RegisterAsync(EscalationTasks.Open("esc-later", QueueName.Escalation, now.AddMinutes(-10), now.AddMinutes(110)));
        await store.RegisterAsync(EscalationTasks.Open("esc-overdue", QueueName.Escalation, now.AddHours(-3), now.AddMinutes(-45)));
        await store.RegisterAsync(EscalationTasks.Open("urgent-overdue", QueueName.Urgent, now.AddHours(-2), now.AddMinutes(-5)));
        await store.RegisterAsync(EscalationTasks.Open("urgent-on-time", QueueName.Urgent, now.AddMinutes(-5), now.AddMinutes(55)));
        await store.RegisterAsync(EscalationTasks.Open("routine-on-time", QueueName.Routine, now.AddHours(-1), now.AddHours(20)));
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await ChromiumFixture.GotoInteractiveAsync(page, "/escalations", "persona-supervisor");

        // In words, on the theme's filled error colour.
        var summary = page.Status("OVERDUE");
        await Expect(summary).ToHaveTextAsync("2 tasks are OVERDUE.");
        await Expect(summary).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-filled-error"));
        var escalation = page.Region("Escalation queue");
        await Expect(escalation.CaseLinks()).ToHaveTextAsync(["CASE-esc-overdue", "CASE-esc-later"]);
        await Expect(escalation.TaskRows().First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-overdue"));
        await Expect(escalation.TaskRows().First.GetByText("Overdue by 45 min")).ToBeVisibleAsync();
        await Expect(page.Region("Overdue urgent tasks").CaseLinks()).ToHaveTextAsync(["CASE-urgent-overdue"]);
        await Expect(page.Region("Overdue routine tasks")).ToContainTextAsync("No routine task is overdue.");
        await Expect(page.AreaMenu().GetByRole(AriaRole.Link, new() { Name = "Escalations" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("escalations-overdue"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clinician_is_refused_the_escalations_page_and_has_no_escalations_menu_item()
    {
        await using var app = new PortalApp();
        await app.GetRequiredService<IReviewTaskStore>().RegisterAsync(
            EscalationTasks.Open("esc-hidden", QueueName.Escalation, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddMinutes(-45)));
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        await Expect(page.AreaMenu().GetByRole(AriaRole.Link, new() { Name = "Queue" })).ToBeVisibleAsync();

        await page.GotoAsync("/escalations");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Your role does not allow this page.")).ToBeVisibleAsync();
        await Expect(page.AreaMenu().GetByRole(AriaRole.Link, new() { Name = "Escalations" })).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("CASE-esc-hidden");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_aws_mode_a_supervisor_sees_overdue_work_and_releases_a_claim_with_the_audit_entry_in_dynamodb()
    {
        await using var moto = await TestServers.StartMotoAsync();
        var table = await ReviewTaskTable.CreateAsync(moto.BaseUri, enableTtl: true);
        var tasks = table.Store(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        await tasks.RegisterAsync(EscalationTasks.Open("aws-esc", QueueName.Escalation, now.AddHours(-1), now.AddHours(1)));
        await tasks.RegisterAsync(EscalationTasks.Open("aws-late", QueueName.Urgent, now.AddHours(-2), now.AddMinutes(-20)));
        await tasks.ClaimAsync("aws-esc", new Reviewer("persona-clinician", "Dr. Dana Reyes"), now.AddMinutes(20));
        await using var app = new AwsModePortalApp(AwsModeSettings.For(moto.BaseUri, table.Name, "reviewer-portal-drafts"));
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await ChromiumFixture.GotoInteractiveAsync(page, "/escalations", "persona-supervisor");
        await Expect(page.Status("OVERDUE")).ToHaveTextAsync("1 task is OVERDUE.");
        await Expect(page.Region("Overdue urgent tasks").GetByText("Overdue by 20 min")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Release claim on CASE-aws-esc" }).ClickAsync();
        await page.ConfirmAsync("Release claim");

        await Expect(page.Status("Dr. Dana Reyes's claim on CASE-aws-esc is released; the case is back in the escalation queue.")).ToBeVisibleAsync();
        await Expect(page.Region("Claims held by others").TaskRows()).ToHaveCountAsync(0);
        (await tasks.GetAsync("aws-esc"))!.Status.Should().Be(ReviewStatus.Pending);
        (await table.AuditTrail().ListForTaskAsync("aws-esc")).Where(a => a.Action != "claimed").Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Action = "claim-released-by-supervisor", ActorId = "persona-supervisor", ActorName = "Dr. Sam Okafor" });
        await page.Context.CloseAsync();
    }

    /// <summary>The clinician persona opens the task and claims it; the page is left open to watch.</summary>
    private async Task<IPage> ClinicianClaimsAsync(PortalApp app, string taskId)
    {
        var clinician = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(clinician, "/review/" + taskId);
        await Expect(clinician.GetByText("You are reviewing this case")).ToBeVisibleAsync();
        await Expect(clinician.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true })).ToBeVisibleAsync();
        return clinician;
    }

    /// <summary>The override's one audit entry names the supervisor persona by stable id and display name.</summary>
    private static async Task SupervisorAuditedAsync(IAuditTrail audit, string taskId, string action, string detail) =>
        (await audit.ListForTaskAsync(taskId)).Should().ContainSingle(a => a.Action == action).Which
            .Should().BeEquivalentTo(new { ActorId = "persona-supervisor", ActorName = "Dr. Sam Okafor", Detail = detail });

    private static async Task CloseAsync(params IPage[] pages)
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
