using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>
/// Figures, not a pass/fail check: the time from the Approve click to the confirmation (with the report's hash) painted
/// on screen, in Chromium on the Local default, for a 2 KB and a 200 KB edited report. Prints median and p95 (issue 10
/// target: p95 ≤ 300 ms locally) of two clocks: from the test's click (Playwright's own checks included) and, inside
/// the page, from the click event; fails only if an approval itself fails.
/// </summary>
/// <remarks>
/// The page itself says when the confirmation was painted (a MutationObserver, then the frame after it). Playwright's
/// waitFor polls with growing pauses (0, 20, 50, 100, 100, 500 ms), so a confirmation painted 280 ms after the click
/// used to be counted when the next poll came, about 770 ms: figures measured that way show its polling steps.
/// </remarks>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class ApproveToConfirmationFigures(ChromiumFixture chromium, ITestOutputHelper output)
{
    private const int Samples = 20;

    // Installed before each click: resolves with the click event's time and the time the confirmation was painted,
    // both on the page's clock (performance.now()).
    private const string WatchForConfirmation = """
        () => {
          const shown = () => document.querySelector('section[aria-label="Decision"]')?.textContent.includes('Approved report SHA-256');
          window.approvalTiming = new Promise((resolve, reject) => {
            let clickedAt;
            document.addEventListener('click', e => clickedAt = e.timeStamp, { capture: true, once: true });
            const observer = new MutationObserver(() => {
              if (shown()) {
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve({ clickedAt, paintedAt: performance.now() })));
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            setTimeout(() => reject(new Error('No confirmation within 30 s.')), 30000);
          });
        }
        """;

    [Fact]
    public async Task Approve_click_to_confirmation_median_and_p95_for_2_KB_and_200_KB_reports()
    {
        await using var app = new PortalApp();
        for (var i = 0; i < 2 * Samples; i++)
        {
            await LoopWaits.StartCaseAsync(app, DemoStudies.CtHeadStroke, $"RP-FIG-{i}");
        }

        var tasks = await LoopWaits.OpenTasksAsync(app.GetRequiredService<IReviewTaskStore>(), QueueName.Urgent, 2 * Samples);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(page, "/");
        var lines = new List<string>();
        foreach (var (size, batch) in new[] { (2 * 1024, tasks.Take(Samples)), (200 * 1024, tasks.Skip(Samples).Take(Samples)) })
        {
            var fromTest = new List<double>();
            var inPage = new List<double>();
            foreach (var task in batch)
            {
                var (test, browser) = await ApproveOnceAsync(page, task.Id, Report(size));
                fromTest.Add(test);
                inPage.Add(browser);
            }

            lines.Add(Figures($"approve-to-confirmation {size / 1024} KB, from the test's click:", fromTest));
            lines.Add(Figures($"approve-to-confirmation {size / 1024} KB, in the page from the click event:", inPage));
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "approve-to-confirmation.txt"), lines);
        await page.Context.CloseAsync();
    }

    private static async Task<(double FromTest, double InPage)> ApproveOnceAsync(IPage page, string taskId, string report)
    {
        await page.GotoAsync("/review/" + taskId);
        await page.Locator("main[data-interactive]").WaitForAsync();
        await Expect(page.GetByText("You are reviewing this case")).ToBeVisibleAsync();
        await page.Button("Edit draft").ClickAsync();
        await page.PasteAsync("Edited report", report);
        await page.GetByLabel("I have reviewed the images and this report.").CheckAsync();
        await page.EvaluateAsync(WatchForConfirmation);

        var clock = Stopwatch.StartNew();
        await page.Button("Approve edited report").ClickAsync();
        var inPage = await page.EvaluateAsync<double>("() => window.approvalTiming.then(t => t.paintedAt - t.clickedAt)");
        var fromTest = clock.Elapsed.TotalMilliseconds;

        // Painted is not enough to count: the confirmation must also be visible to the clinician.
        await Expect(page.GetByText("Approved report SHA-256")).ToBeVisibleAsync();
        return (fromTest, inPage);
    }

    private static string Figures(string label, List<double> timings)
    {
        timings.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} n={timings.Count} median={timings[timings.Count / 2]:0} ms p95={timings[(int)Math.Ceiling(0.95 * timings.Count) - 1]:0} ms max={timings[^1]:0} ms");
    }

    private static string Report(int bytes)
    {
        var text = new StringBuilder("# CT HEAD\n\n## FINDINGS\n\n");
        while (text.Length < bytes)
        {
            text.Append("No acute intracranial haemorrhage; grey–white differentiation preserved.\n");
        }

        return text.Append("\n## IMPRESSION\n\n1. No acute abnormality.\n").ToString();
    }
}
