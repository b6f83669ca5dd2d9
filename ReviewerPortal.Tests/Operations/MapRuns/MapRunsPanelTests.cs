using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Operations.MapRuns;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Engine.MapRuns;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Operations.MapRuns;

/// <summary>
/// The Map Runs panel against the real local engine (through its Step Functions API): a running Map Run with its counts
/// and progress, the same run finished after a live refresh, and a failed run's failed items listed page by page.
/// </summary>
public sealed class MapRunsPanelTests : MudComponentTest, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // Items marked "fail" fail at once; the others wait in "hold" until the test releases them.
    private const string FailOrHold = """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","IsPresent":true,"Next":"Fail"}],"Default":"Hold"},
          "Fail":{"Type":"Fail","Error":"ItemFailed","Cause":"the item was marked to fail"},
          "Hold":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"hold","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
        """;

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EngineHarness _engine;

    public MapRunsPanelTests()
    {
        _engine = EngineHarness.InMemory(functions: [new LocalFunction("hold", async (payload, ct) =>
        {
            await _release.Task.WaitAsync(ct);
            return payload;
        })]);
        Services.AddSingleton<IAmazonStepFunctions>(_engine.Api);
    }

    [Fact]
    public async Task A_running_Map_Run_shows_its_counts_and_progress_then_its_end_without_a_reload()
    {
        var execution = await StartAsync("\"ToleratedFailureCount\":1", """[{"n":1},{"n":2,"fail":true},{"n":3},{"n":4}]""");
        var mapRunArn = (await _engine.WaitForEventAsync(execution, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await MapRunWaits.UntilAsync(_engine, mapRunArn, d => d.ItemCounts!.Running == 3 && d.ItemCounts.Failed == 1);

        var panel = Render<MapRunsPanel>(p => p.Add(m => m.ExecutionArn, execution).Add(m => m.RefreshInterval, TimeSpan.FromMilliseconds(100)));

        panel.WaitForAssertion(() =>
        {
            Count(panel, "Succeeded").Should().Be("0");
            Count(panel, "Failed").Should().Be("1");
            Count(panel, "Running").Should().Be("3");
            Count(panel, "Total").Should().Be("4");
            panel.Find(".map-run-label").TextContent.Should().Be("Batch");
            panel.Find(".execution-status").TextContent.Should().Be("RUNNING");
            panel.Find("[role=progressbar]").GetAttribute("aria-valuetext").Should().Be("1 of 4 items ended");
            panel.FindAll(".map-run-failures tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain("ItemFailed").And.Contain("the item was marked to fail");
        }, Deadline);

        _release.SetResult();
        panel.WaitForAssertion(() =>
        {
            panel.Find(".execution-status").TextContent.Should().Be("SUCCEEDED");
            Count(panel, "Succeeded").Should().Be("3");
            Count(panel, "Running").Should().Be("0");
            panel.Find("[role=progressbar]").GetAttribute("aria-valuetext").Should().Be("4 of 4 items ended");
        }, Deadline);
    }

    [Fact]
    public async Task A_failed_Map_Run_lists_its_failed_items_with_error_and_cause_a_page_at_a_time()
    {
        _release.SetResult();
        var items = string.Join(',', Enumerable.Range(1, 13).Select(n => n == 13 ? "{\"n\":13}" : $"{{\"n\":{n},\"fail\":true}}"));
        var execution = await StartAsync("\"ToleratedFailureCount\":11,\"MaxConcurrency\":1", "[" + items + "]");
        (await _engine.RunToEndAsync(execution)).Status!.Value.Should().Be("FAILED");

        var panel = Render<MapRunsPanel>(p => p.Add(m => m.ExecutionArn, execution));

        panel.WaitForAssertion(() => panel.Find(".execution-status").TextContent.Should().Be("FAILED"), Deadline);
        var failed = long.Parse(panel.Find("[data-count=Failed]").TextContent, System.Globalization.CultureInfo.InvariantCulture);
        failed.Should().BeGreaterThan(MapRunReader.FailurePageSize, "this test pages through the failed items");
        panel.FindAll(".map-run-failures tbody tr").Should().HaveCount(MapRunReader.FailurePageSize)
            .And.AllSatisfy(row => row.TextContent.Should().Contain("ItemFailed").And.Contain("the item was marked to fail"));
        panel.FindAll(".map-run-failures tbody tr a").Should().AllSatisfy(link => link.GetAttribute("href").Should().StartWith("/operations?execution="));

        await panel.InvokeAsync(() => panel.FindAll("button").Single(b => b.TextContent.Contains("More failed items", StringComparison.Ordinal)).Click());
        panel.WaitForAssertion(() => panel.FindAll(".map-run-failures tbody tr").Should().HaveCount((int)failed), Deadline);
        panel.FindAll("button").Should().NotContain(b => b.TextContent.Contains("More failed items", StringComparison.Ordinal), "the last page has been read");
    }

    [Fact]
    public async Task An_execution_without_Map_Runs_shows_no_panel()
    {
        var machine = await _engine.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "plain");
        var execution = await _engine.StartAsync(machine);
        await _engine.RunToEndAsync(execution);

        Render<MapRunsPanel>(p => p.Add(m => m.ExecutionArn, execution)).Markup.Trim().Should().BeEmpty();
    }

    [Fact]
    public void A_Map_Run_being_redriven_shows_the_items_waiting_to_run_again_as_not_ended()
    {
        var counts = new ReviewerPortal.StepFunctions.Model.MapRunItemCounts { Succeeded = 1, PendingRedrive = 2, Total = 3 };
        var run = new MapRunView("arn:aws:states:us-east-1:123456789012:mapRun:backfill/Batch:1f3e", "Batch", "RUNNING", counts);

        var card = Render<MapRunCard>(p => p.Add(c => c.Run, run).Add(c => c.Reader, new MapRunReader(_engine.Api)));

        Count(card, "Pending redrive").Should().Be("2");
        card.FindAll("[data-count='Not redrivable']").Should().BeEmpty("no failure was left behind by the redrive");
        card.Find("[role=progressbar]").GetAttribute("aria-valuetext").Should().Be("1 of 3 items ended");
    }

    private async Task<string> StartAsync(string mapFields, string items)
    {
        var machine = await _engine.CreateAsync(DistributedMapDefinitions.Map("\"ItemsPath\":\"$.items\"," + mapFields, "STANDARD", FailOrHold), "backfill");
        return await _engine.StartAsync(machine, "{\"items\":" + items + "}");
    }

    private static string Count<T>(IRenderedComponent<T> rendered, string name)
        where T : Microsoft.AspNetCore.Components.IComponent => rendered.Find($"[data-count='{name}']").TextContent;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // The components first (their polling stops), then the engine they poll.
    async Task IAsyncLifetime.DisposeAsync()
    {
        _release.TrySetResult();
        await DisposeAsync();
        await _engine.DisposeAsync();
    }
}
