using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReviewerPortal.Audit;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.Pages;

/// <summary>
/// The whole loop in Chromium on the embedded default: demo cases started as executions, a clinician's decision
/// resuming the workflow, and the operator watching the execution on the Operations page.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class ReviewLoopInBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task Approving_an_urgent_task_publishes_it_and_the_operations_page_shows_the_execution_succeed()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true" });
        var store = app.GetRequiredService<IReviewTaskStore>();
        var task = (await LoopWaits.OpenTasksAsync(store, QueueName.Urgent, 1, t => t.CaseId == "RP-1001")).Single();
        var clinician = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(clinician, "/");

        await clinician.Region("Urgent queue").GetByRole(AriaRole.Link, new() { Name = "RP-1001" }).ClickAsync();
        await Expect(clinician.Locator(".draft-body")).ToContainTextAsync("MCA territory");
        await clinician.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Expect(clinician.Locator(".decision-message")).ToContainTextAsync("sent to the workflow");
        await Expect(clinician.Locator(".workflow-next")).ToContainTextAsync("Published: the final report is at s3://reviewer-portal-reports/reports/RP-1001/rp-1001.md");
        await clinician.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("loop-approved"), FullPage = true });

        var operator_ = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(operator_, "/operations?execution=" + Uri.EscapeDataString(task.ExecutionArn), "persona-operator");
        await Expect(operator_.ExecutionDetail().GetByText("SUCCEEDED", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(operator_.GetByLabel("Execution output")).ToContainTextAsync("\"reviewer\":{\"id\":\"persona-clinician\",\"name\":\"Dr. Dana Reyes\"}");
        await Expect(operator_.StateGroup("PublishReport").First).ToBeVisibleAsync();
        await Expect(operator_.StateGroup("UrgentReview").GetByText("TaskSubmitted", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(operator_.Region("Events on the local event bus")).ToContainTextAsync("Report Published");
        await Expect(operator_.Region("Workflow executions").GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(
            new System.Text.RegularExpressions.Regex(@"\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} UTC"), new LocatorAssertionsToContainTextOptions { Timeout = 5_000 });
        await operator_.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("loop-operations"), FullPage = true });
        await clinician.Context.CloseAsync();
        await operator_.Context.CloseAsync();
    }

    [Fact]
    public async Task Rejecting_with_a_reason_brings_the_revised_draft_back_into_the_queue()
    {
        var (app, task, page) = await OpenDemoCaseAsync(QueueName.Routine, "RP-2001");
        await using var _ = app;

        await page.GetByRole(AriaRole.Button, new() { Name = "Reject and request a revision", Exact = true }).ClickAsync();
        await Expect(page.Locator(".decision-message")).ToContainTextAsync("A rejection needs a reason");
        await page.GetByLabel("Rejection category").SelectOptionAsync(new SelectOptionValue { Label = "Inaccurate findings" });
        await page.GetByLabel("Reason for rejection").FillAsync("Grade the MCL sprain and measure the effusion.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject and request a revision", Exact = true }).ClickAsync();

        await Expect(page.Locator(".workflow-next")).ToContainTextAsync("Revision requested: a revised draft (attempt 2) is waiting in the routine queue.");
        await page.Locator(".next-task-link").ClickAsync();
        await Expect(page.Locator(".draft-body")).ToContainTextAsync("Grade the MCL sprain and measure the effusion.");

        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Routine" }).ClickAsync();
        await Expect(page.Region("Routine queue").GetByRole(AriaRole.Link, new() { Name = "RP-2001" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("loop-revision-in-queue"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_revision_slower_than_the_first_look_still_appears_on_the_page_when_the_workflow_has_it()
    {
        var (app, task, page) = await OpenDemoCaseAsync(QueueName.Routine, "RP-2002");
        await using var _ = app;
        // The model answers "throttled" twice: the revision waits 2 s + 4 s of backoff, longer than the action's first look.
        app.GetRequiredService<ReviewerPortal.Workflow.LocalResources.LocalFaultPlan>().Arm(ReviewerPortal.Workflow.LocalResources.LocalFault.ModelThrottled, 2);

        await page.GetByLabel("Rejection category").SelectOptionAsync(new SelectOptionValue { Label = "Inaccurate findings" });
        await page.GetByLabel("Reason for rejection").FillAsync("Compare with the prior study.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject and request a revision", Exact = true }).ClickAsync();

        await Expect(page.Locator(".workflow-next")).ToContainTextAsync("The workflow is regenerating the draft with your reason.", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
        await Expect(page.Locator(".workflow-next")).ToContainTextAsync(
            "Revision requested: a revised draft (attempt 2) is waiting in the routine queue.", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await page.Locator(".next-task-link").ClickAsync();
        await Expect(page.Locator(".draft-body")).ToContainTextAsync("Compare with the prior study.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clinicians_claim_and_release_are_audited_with_their_stable_id_and_name()
    {
        var (app, task, page) = await OpenDemoCaseAsync(QueueName.Urgent, "RP-1003");
        await using var _ = app;
        var store = app.GetRequiredService<IReviewTaskStore>();

        await Expect(page.GetByText("You are reviewing this case")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Claim this case", Exact = true })).ToBeVisibleAsync();

        (await app.GetRequiredService<IAuditTrail>().ListForTaskAsync(task.Id)).Select(a => (a.Action, a.ActorId, a.ActorName)).Should().Equal(
            ("claimed", "persona-clinician", "Dr. Dana Reyes"), ("released", "persona-clinician", "Dr. Dana Reyes"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clinician_starts_a_routine_demo_case_from_the_queue_and_watches_it_arrive()
    {
        await using var app = new PortalApp();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Routine" }).ClickAsync();
        var routine = page.Region("Routine queue");
        await Expect(routine.CaseLinks()).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Start routine demo case" }).ClickAsync();

        await Expect(page.GetByText(new Regex("^Started a new routine demo case"))).ToBeVisibleAsync();
        await Expect(routine.CaseLinks()).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        await Expect(routine.CaseLinks()).ToHaveTextAsync(new Regex("^RP-20\\d\\d-\\d+$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_operator_starts_an_urgent_demo_case_and_watches_it_reach_the_review_gate()
    {
        await using var app = new PortalApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/operations", "persona-operator");
        await Expect(page.Region("Workflow executions")).ToContainTextAsync("No executions yet.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start urgent demo case" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/operations\\?execution=arn"));
        var task = (await LoopWaits.OpenTasksAsync(store, QueueName.Urgent, 1)).Single();
        task.CaseId.Should().MatchRegex("^RP-10\\d\\d-\\d+$");
        await Expect(page.StateGroup("UrgentReview").GetByText("TaskSubmitted", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(page.ExecutionDetail().GetByText("RUNNING", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Region("Workflow executions").GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    /// <summary>A portal with the demo cases started, and a clinician's page on one case's review once it is open.</summary>
    private async Task<(PortalApp App, ReviewTask Task, IPage Page)> OpenDemoCaseAsync(QueueName queue, string caseId)
    {
        var app = new PortalApp(new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true" });
        var store = app.GetRequiredService<IReviewTaskStore>();
        var task = (await LoopWaits.OpenTasksAsync(store, queue, 1, t => t.CaseId == caseId)).Single();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/review/" + task.Id);
        return (app, task, page);
    }
}
