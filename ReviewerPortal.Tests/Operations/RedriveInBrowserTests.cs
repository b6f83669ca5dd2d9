using Microsoft.Playwright;
using ReviewerPortal.Audit;
using ReviewerPortal.Operations;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Operations;

/// <summary>
/// An operator redrives a failed execution from the Operations page in a real browser: confirmed in a dialog, it runs
/// again from the failed step only, the page shows the outcome, and the audit trail says who redrove it.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class RedriveInBrowserTests(ChromiumFixture chromium)
{
    /// <summary>Stamp (succeeds once) → Announce on the event bus (fails while the bus rejects events, no retry).</summary>
    private const string AnnouncementDefinition = """
        {
          "StartAt": "Stamp",
          "States": {
            "Stamp": { "Type": "Pass", "Parameters": { "stampedAt.$": "$$.State.EnteredTime", "caseId.$": "$.caseId" }, "Next": "Announce" },
            "Announce": {
              "Type": "Task", "Resource": "arn:aws:states:::events:putEvents", "ResultPath": null, "End": true,
              "Parameters": { "Entries": [ { "EventBusName": "reviewer-portal", "Source": "reviewer-portal.tests", "DetailType": "Backlog Announced",
                                             "Detail": { "caseId.$": "$.caseId", "stampedAt.$": "$.stampedAt" } } ] }
            }
          }
        }
        """;

    [Fact]
    public async Task An_operator_redrives_a_failed_execution_after_confirming_and_only_the_failed_step_runs_again()
    {
        await using var app = new PortalApp();
        var stepFunctions = app.GetRequiredService<IAmazonStepFunctions>();
        app.GetRequiredService<LocalFaultPlan>().Arm(LocalFault.PublicationEventRejected, 1);
        var machine = await stepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "backlog-announcement", Definition = AnnouncementDefinition, RoleArn = LocalWorkflows.LocalRoleArn,
        });
        var started = await stepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine.StateMachineArn, Name = "announce-rp-1001", Input = """{"caseId":"RP-1001"}""" });
        await LoopWaits.UntilAsync(
            async () => (await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn })).Status == ExecutionStatus.FAILED,
            "the announcement to fail", TimeSpan.FromSeconds(30));

        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/operations?execution=" + Uri.EscapeDataString(started.ExecutionArn!), "persona-operator");
        await Expect(page.ExecutionDetail().GetByText("FAILED", new() { Exact = true })).ToBeVisibleAsync();

        // Cancelling the confirmation changes nothing.
        var redrive = page.GetByRole(AriaRole.Button, new() { Name = "Redrive execution", Exact = true });
        await redrive.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Redrive this execution?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        (await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn })).RedriveCount.Should().Be(0);

        await redrive.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Redrive", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Redriven at" })).ToBeVisibleAsync();
        await Expect(page.ExecutionDetail().GetByText("SUCCEEDED", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.ExecutionDetail().GetByText("Redriven 1 time(s)")).ToBeVisibleAsync();
        await Expect(redrive).ToHaveCountAsync(0);
        await Expect(page.Region("Events on the local event bus")).ToContainTextAsync("Backlog Announced");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("operations-redriven"), FullPage = true });

        var history = (await stepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn, MaxResults = 100 })).Events;
        history.Count(e => e.Type == "PassStateEntered").Should().Be(1, "the step that succeeded is not run again");
        history.Count(e => e.Type == "TaskStateEntered").Should().Be(2);
        var audit = await app.GetRequiredService<IAuditTrail>().ListForTaskAsync(started.ExecutionArn!);
        audit.Should().ContainSingle(e => e.Action == ExecutionRedrive.Redriven).Which.ActorId.Should().Be("persona-operator");
        await page.Context.CloseAsync();
    }
}
