using Microsoft.Playwright;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>Issue 10, items 2, 5, 6, 9 and 10 in Chromium, with two browser contexts where two people are involved.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class ClaimsAndLifecycleInBrowserTests(ChromiumFixture chromium)
{
    private const string Attestation = "I have reviewed the images and this report.";

    [Fact]
    public async Task Opening_a_case_claims_it_and_a_second_reviewer_sees_who_holds_it_without_any_decision_buttons()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1001");
        await using var _ = app;
        var clinician = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await Expect(clinician.Status("You are reviewing this case")).ToBeVisibleAsync();

        var supervisor = await ReviewPageSession.OpenAsync(chromium, app, task.Id, "persona-supervisor");

        await Expect(supervisor.Status("Dr. Dana Reyes is reviewing this case")).ToBeVisibleAsync();
        await Expect(supervisor.Button("Approve")).ToHaveCountAsync(0);
        await Expect(supervisor.Button("Reject and request a revision")).ToHaveCountAsync(0);
        (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.Claim!.ReviewerId.Should().Be("persona-clinician");
        await supervisor.ShotAsync("claims-second-reviewer");
        await clinician.Context.CloseAsync();
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_take_over_keeps_what_the_clinician_typed_read_only_and_says_who_holds_the_case()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1003");
        await using var _ = app;
        var clinician = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await clinician.Button("Edit draft").ClickAsync();
        await clinician.GetByLabel("Edited report").FillAsync("My careful edit of the findings.");
        await clinician.GetByLabel("Reason for rejection").FillAsync("The impression misses the effusion.");
        await clinician.GetByLabel("Rejection category").ClickAsync(); // blur the reason so it is bound

        var supervisor = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(supervisor, "/escalations", "persona-supervisor");
        var row = supervisor.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = task.CaseId });
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Take over" }).ClickAsync();
        await supervisor.ConfirmAsync("Take over");

        await Expect(clinician.Status("You no longer hold this case: Dr. Sam Okafor holds it now")).ToBeVisibleAsync();
        await Expect(clinician.Status("You are reviewing this case")).ToHaveCountAsync(0);
        await Expect(clinician.GetByLabel("Edited report")).ToHaveValueAsync("My careful edit of the findings.");
        await Expect(clinician.GetByLabel("Edited report")).ToHaveAttributeAsync("readonly", "");
        await Expect(clinician.GetByLabel("Your rejection reason")).ToHaveValueAsync("The impression misses the effusion.");
        await Expect(clinician.Button("Approve edited report")).ToHaveCountAsync(0);
        await clinician.ShotAsync("claims-taken-over");
        await clinician.Context.CloseAsync();
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task The_next_draft_after_a_rejection_starts_with_a_clean_decision_panel()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-2001", QueueName.Routine);
        await using var _ = app;
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);

        await page.GetByLabel("Rejection category").SelectOptionAsync(new SelectOptionValue { Label = "Inaccurate findings" });
        await page.GetByLabel("Reason for rejection").FillAsync("Grade the MCL sprain.");
        await page.Button("Reject and request a revision").ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open the next draft" }).ClickAsync(new LocatorClickOptions { Timeout = 30_000 });

        await Expect(page.Status("You are reviewing this case")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Reason for rejection")).ToHaveValueAsync("");
        await Expect(page.Status("Your decision was sent")).ToHaveCountAsync(0);
        await Expect(page.Status("You no longer hold this case")).ToHaveCountAsync(0);
        var rejected = (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.Decision!;
        rejected.Reason.Should().Be("[Inaccurate findings] Grade the MCL sprain.");
        rejected.RejectCategory.Should().Be(RejectCategory.InaccurateFindings);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_gate_completed_outside_the_portal_leaves_the_queue_and_the_open_page_says_so()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1005");
        await using var _ = app;
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        await Expect(page.Button("Approve")).ToBeVisibleAsync();

        // Another tool answers the gate through the Step Functions API, not through the portal.
        await app.GetRequiredService<IAmazonStepFunctions>().SendTaskFailureAsync(
            new SendTaskFailureRequest { TaskToken = task.TaskToken, Error = "OtherTool.Cancelled", Cause = "Handled by hand." });

        await Expect(page.Status("This case is closed: the workflow no longer waits for this review")).ToBeVisibleAsync(
            new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        await Expect(page.Button("Approve")).ToHaveCountAsync(0);
        (await app.GetRequiredService<IReviewTaskStore>().ListOpenAsync(QueueName.Urgent, 100, null)).Items.Should().NotContain(t => t.Id == task.Id);
        await page.ShotAsync("lifecycle-closed-elsewhere");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_a_shortcut_approves_only_once_the_attestation_is_ticked_and_focus_follows_the_work()
    {
        var (app, task) = await ReviewPageSession.DemoCaseAsync("RP-1006");
        await using var _ = app;
        var page = await ReviewPageSession.OpenAsync(chromium, app, task.Id);
        var attestation = page.GetByLabel(Attestation);
        await Expect(attestation).ToBeFocusedAsync();

        await page.EvaluateAsync("() => { window.shortcutsSeen = []; document.addEventListener('review-shortcut', e => window.shortcutsSeen.push(e.detail)); }");
        await page.Keyboard.PressAsync("a");
        await page.WaitForFunctionAsync("() => window.shortcutsSeen.length > 0");
        (await page.EvaluateAsync<bool>("() => window.shortcutsSeen[0].pressed")).Should().BeFalse("the shortcut never bypasses the attestation");
        (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.IsOpen.Should().BeTrue();

        await page.Keyboard.PressAsync("Space");
        await Expect(page.Button("Approve")).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("a");

        await Expect(page.Status("Your decision was sent to the workflow")).ToBeVisibleAsync();
        await Expect(page.Locator("#decision-outcome")).ToBeFocusedAsync();
        (await app.GetRequiredService<IReviewTaskStore>().GetAsync(task.Id))!.Decision!.Reviewer.Id.Should().Be("persona-clinician");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/nonsense")]
    [InlineData("/task/x")]
    [InlineData("/review/")]
    public async Task An_unknown_address_gets_a_404_page_inside_the_portal(string path)
    {
        await using var app = new PortalApp();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");

        var response = await page.GotoAsync(path);

        response!.Status.Should().Be(404);
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Go to the review queue" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_very_long_unknown_task_id_wraps_inside_its_alert()
    {
        await using var app = new PortalApp();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/review/" + new string('x', 3000));

        await Expect(page.Status("There is no review task with the id")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        overflow.Should().BeFalse("the id wraps instead of widening the page");
        await page.ShotAsync("lifecycle-long-task-id");
        await page.Context.CloseAsync();
    }
}
