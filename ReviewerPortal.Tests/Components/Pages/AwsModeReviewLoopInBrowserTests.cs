using Microsoft.Playwright;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Tests.Workflow.Templates;
using ReviewerPortal.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.Pages;

/// <summary>
/// The same clinician loop as <see cref="ReviewLoopInBrowserTests"/>, with the whole portal in Aws mode: review tasks in
/// moto's DynamoDB (written by the bundled template's review gate), drafts and reports in moto's S3, and the bundled
/// study-review template executing on moto's Step Functions (<see cref="MotoStudyReview"/> lists the states moto cannot run:
/// among them draft generation, so the test writes each attempt's draft where the workflow looks for it).
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class AwsModeReviewLoopInBrowserTests(ChromiumFixture chromium)
{
    // moto runs the execution on a loaded machine: a decision's round trip takes seconds, not milliseconds.
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 90_000 };

    private const string Draft =
        "# CT head without contrast\n\n## CLINICAL INDICATION\n\nSudden right-sided weakness and aphasia.\n\n## FINDINGS\n\n" +
        "Hyperdense left middle cerebral artery. Loss of grey-white differentiation in the left insula, in keeping with an " +
        "early left MCA territory infarct. No intracranial haemorrhage. No midline shift.\n\n## IMPRESSION\n\n" +
        "Early left MCA territory infarct without haemorrhage.\n";

    [Fact]
    public async Task Approving_an_urgent_task_in_aws_mode_publishes_the_report_through_moto()
    {
        var study = DemoStudies.CtHeadStroke;
        await using var moto = await MotoStudyReview.StartAsync(study, Draft, timeScale: 1);
        await using var app = new AwsModePortalApp(moto.PortalSettings());
        var execution = await moto.StartCaseAsync(study, "aws-approve", [Draft]);
        var task = await OpenTaskAsync(app, QueueName.Urgent);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");

        await page.Locator(".case-link", new PageLocatorOptions { HasText = task.CaseId }).ClickAsync();
        await Expect(page.Locator(".draft-body")).ToContainTextAsync("MCA territory infarct");
        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Expect(page.Locator(".decision-message")).ToContainTextAsync("sent to the workflow", Slow);
        await Expect(page.Locator(".workflow-next")).ToContainTextAsync($"Published: the final report is at s3://reviewer-portal-reports/reports/{task.CaseId}/aws-approve.md", Slow);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("aws-loop-approved"), FullPage = true });
        (await moto.WaitForEndAsync(execution)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
        (await moto.ReadReportAsync($"reports/{task.CaseId}/aws-approve.md")).Should().Contain("Early left MCA territory infarct");
        (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Decided);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Rejecting_with_a_reason_in_aws_mode_brings_the_revision_back_into_the_queue_and_approving_it_publishes()
    {
        var study = DemoStudies.MriKnee;
        const string reason = "Grade the MCL sprain and measure the effusion.";
        var firstDraft = DraftGenerator.Generate(DraftGeneratorTests.PromptFor(study));
        var revisedDraft = DraftGenerator.Generate(DraftGeneratorTests.PromptFor(study, reason));
        await using var moto = await MotoStudyReview.StartAsync(study, firstDraft, timeScale: 1);
        await using var app = new AwsModePortalApp(moto.PortalSettings());
        var execution = await moto.StartCaseAsync(study, "aws-reject", [firstDraft, revisedDraft]);
        var task = await OpenTaskAsync(app, QueueName.Routine);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/review/" + task.Id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Reject and request a revision", Exact = true }).ClickAsync();
        await Expect(page.Locator(".decision-message")).ToContainTextAsync("A rejection needs a reason");
        await page.GetByLabel("Rejection category").SelectOptionAsync(new SelectOptionValue { Label = "Inaccurate findings" });
        await page.GetByLabel("Reason for rejection").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject and request a revision", Exact = true }).ClickAsync();

        await Expect(page.Locator(".workflow-next")).ToContainTextAsync("Revision requested: a revised draft (attempt 2) is waiting in the routine queue.", Slow);
        await page.Locator(".next-task-link").ClickAsync();
        await Expect(page.Locator(".draft-body")).ToContainTextAsync(reason);
        var revision = await app.GetRequiredService<IReviewTaskStore>().GetAsync("aws-reject-r2");
        revision!.Attempt.Should().Be(2);
        (await moto.WaitForTaskItemAsync("aws-reject-r2"))["revisionReason"].S.Should().Be("[Inaccurate findings] " + reason, "moto's workflow carried the clinician's category and reason into the revision");

        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Routine" }).ClickAsync();
        await Expect(page.Locator(".case-link", new PageLocatorOptions { HasText = study.CaseId })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("aws-loop-revision-in-queue"), FullPage = true });
        await page.Locator(".case-link", new PageLocatorOptions { HasText = study.CaseId }).ClickAsync();
        await Expect(page.Locator(".draft-body")).ToContainTextAsync(reason);
        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Expect(page.Locator(".workflow-next")).ToContainTextAsync($"Published: the final report is at s3://reviewer-portal-reports/reports/{study.CaseId}/aws-reject.md", Slow);
        var ended = await moto.WaitForEndAsync(execution);
        ended.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        StudyReviewHarness.Json(ended.Output)["attempt"]!.GetValue<int>().Should().Be(2);
        (await moto.ReadReportAsync($"reports/{study.CaseId}/aws-reject.md")).Should().Be(ReviewerPortal.Drafts.ReportProvenance.WithoutDisclaimer(revisedDraft), "the published report never carries the AI disclaimer");
        (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.Decision!.Reason.Should().Be("[Inaccurate findings] " + reason);
        await page.Context.CloseAsync();
    }

    /// <summary>The gate's task as the portal's Aws-mode store lists it (after the gate intake gave it a due time).</summary>
    private static async Task<ReviewTask> OpenTaskAsync(PortalApp app, QueueName queue)
    {
        var store = app.GetRequiredService<IReviewTaskStore>();
        for (var i = 0; i < 600; i++)
        {
            if ((await store.ListOpenAsync(queue, 10, null)).Items is [var task, ..])
            {
                return task;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No task reached the {queue} queue in Aws mode.");
    }
}
