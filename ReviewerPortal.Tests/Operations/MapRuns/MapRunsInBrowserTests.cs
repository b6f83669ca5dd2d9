using Microsoft.Playwright;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Engine.MapRuns;
using ReviewerPortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Operations.MapRuns;

/// <summary>
/// On the embedded default, an operator opens a Distributed Map execution with failing items on the Operations page
/// and sees its Map Run's progress reach the end and the failed items with their errors; axe finds nothing serious.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class MapRunsInBrowserTests(ChromiumFixture chromium)
{
    // Items marked "fail" fail; the others pause a moment, so the operator usually first sees the run in progress.
    private const string FailOrPause = """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","IsPresent":true,"Next":"Fail"}],"Default":"Pause"},
          "Fail":{"Type":"Fail","Error":"ItemFailed","Cause":"the study manifest entry was unreadable"},
          "Pause":{"Type":"Wait","Seconds":2,"End":true}}}
        """;

    [Fact]
    public async Task An_operator_sees_a_Map_Run_progress_to_its_end_and_its_failed_items_with_their_errors()
    {
        await using var app = new PortalApp();
        var stepFunctions = app.GetRequiredService<IAmazonStepFunctions>();
        var machine = await stepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "backfill-demo",
            Definition = DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\",\"ToleratedFailureCount\":2", "STANDARD", FailOrPause),
            RoleArn = "arn:aws:iam::123456789012:role/local",
        });
        var execution = (await stepFunctions.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = machine.StateMachineArn,
            Name = "backfill-1",
            Input = """{"items":[{"n":1},{"n":2,"fail":true},{"n":3},{"n":4,"fail":true},{"n":5}]}""",
        })).ExecutionArn!;

        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/operations?execution=" + Uri.EscapeDataString(execution), "persona-operator");
        var mapRun = page.Region("Map Run Batch");
        var progress = mapRun.GetByRole(AriaRole.Progressbar, new() { Name = "Batch progress" });
        await Expect(progress).ToHaveAttributeAsync("aria-valuetext", "5 of 5 items ended", new() { Timeout = 30_000 });
        await Expect(mapRun.GetByText("SUCCEEDED", new() { Exact = true })).ToBeVisibleAsync();

        var failed = mapRun.GetByRole(AriaRole.Region, new() { Name = "Failed items of Batch", Exact = true });
        await Expect(failed.DataRows()).ToHaveCountAsync(2);
        await Expect(failed.DataRows("ItemFailed")).ToHaveCountAsync(2);
        await Expect(failed.DataRows("the study manifest entry was unreadable")).ToHaveCountAsync(2);

        (await AxeScan.BlockingViolationsAsync(page, "operations with a Map Run")).Should().BeEmpty();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath("operations-map-run"), FullPage = true });

        await failed.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.ExecutionDetail().GetByText("ItemFailed: the study manifest entry was unreadable")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
