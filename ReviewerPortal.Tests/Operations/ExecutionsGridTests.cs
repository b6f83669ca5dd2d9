using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ReviewerPortal.Operations;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Operations;

/// <summary>
/// Operations' executions grid against the real local engine (its Step Functions API pages ListExecutions by token):
/// what the operator sees listed as they page and filter by state machine and status.
/// </summary>
public sealed class ExecutionsGridTests : MudComponentTest, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // Executions whose input says "fail" end FAILED, the others SUCCEEDED.
    private const string SucceedOrFail = """
        {"StartAt":"Route","States":{
          "Route":{"Type":"Choice","Choices":[{"Variable":"$.fail","IsPresent":true,"Next":"Fail"}],"Default":"Done"},
          "Fail":{"Type":"Fail","Error":"CaseFailed"},
          "Done":{"Type":"Pass","End":true}}}
        """;

    private readonly EngineHarness _engine = EngineHarness.InMemory();
    private readonly List<string> _succeeded = [];
    private readonly List<string> _failed = [];
    private readonly List<string> _backfills = [];

    public ExecutionsGridTests()
    {
        Services.AddSingleton<IAmazonStepFunctions>(_engine.Api);
        Services.AddSingleton<WorkflowMonitor>();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        // Named as bundled machines: the grid lists only those. 12 + 3 study reviews fill one page of 10 and one of 5.
        var studyReview = await _engine.CreateAsync(SucceedOrFail, "study-review");
        var backfill = await _engine.CreateAsync(SucceedOrFail, "draft-backfill");
        for (var i = 1; i <= 12; i++)
        {
            _succeeded.Add(await RunAsync(studyReview, $"case-{i:00}", "{}"));
        }

        for (var i = 1; i <= 3; i++)
        {
            _failed.Add(await RunAsync(studyReview, $"failed-case-{i}", """{"fail":true}"""));
        }

        _backfills.Add(await RunAsync(backfill, "backfill-1", "{}"));
        _backfills.Add(await RunAsync(backfill, "backfill-2", "{}"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task Next_and_previous_list_different_executions_a_page_at_a_time_and_together_every_one()
    {
        var grid = Render<ExecutionsGrid>();
        grid.WaitForAssertion(() => Names(grid).Should().HaveCount(10), Deadline);
        var first = Names(grid);
        Button(grid, "Previous page").HasAttribute("disabled").Should().BeTrue();
        grid.WaitForAssertion(() => Button(grid, "Next page").HasAttribute("disabled").Should().BeFalse("a second page exists"), Deadline);

        await grid.InvokeAsync(() => Button(grid, "Next page").Click());

        grid.WaitForAssertion(() => Names(grid).Should().HaveCount(5).And.NotIntersectWith(first), Deadline);
        var second = Names(grid);
        grid.Find(".queue-pager").TextContent.Should().Contain("Page 2");
        Button(grid, "Next page").HasAttribute("disabled").Should().BeTrue("15 executions fill two pages of 10");
        first.Concat(second).Should().BeEquivalentTo(_succeeded.Concat(_failed), "the pages together list every study review once");

        await grid.InvokeAsync(() => Button(grid, "Previous page").Click());

        grid.WaitForAssertion(() => Names(grid).Should().BeEquivalentTo(first), Deadline);
        grid.Find(".queue-pager").TextContent.Should().Contain("Page 1");
    }

    [Fact]
    public async Task Filtering_by_status_lists_only_executions_with_that_status_from_the_first_page()
    {
        var grid = Render<ExecutionsGrid>();
        grid.WaitForAssertion(() => Button(grid, "Next page").HasAttribute("disabled").Should().BeFalse(), Deadline);
        await grid.InvokeAsync(() => Button(grid, "Next page").Click());
        grid.WaitForAssertion(() => Names(grid).Should().HaveCount(5), Deadline);

        await ChooseAsync(grid, "Status", "FAILED");

        grid.WaitForAssertion(() => Names(grid).Should().BeEquivalentTo(_failed), Deadline);
        grid.FindAll(".execution-status").Select(s => s.TextContent.Trim()).Should().OnlyContain(s => s == "FAILED");
        grid.Find(".queue-pager").TextContent.Should().Contain("Page 1");
        Button(grid, "Next page").HasAttribute("disabled").Should().BeTrue();

        await ChooseAsync(grid, "Status", "SUCCEEDED");

        grid.WaitForAssertion(() => Names(grid).Should().HaveCount(10).And.BeSubsetOf(_succeeded), Deadline);
        grid.FindAll(".execution-status").Select(s => s.TextContent.Trim()).Should().OnlyContain(s => s == "SUCCEEDED");
    }

    [Fact]
    public async Task Choosing_another_state_machine_lists_its_executions_only()
    {
        var grid = Render<ExecutionsGrid>();
        grid.WaitForAssertion(() => Names(grid).Should().HaveCount(10), Deadline);

        await ChooseAsync(grid, "State machine", "draft-backfill");

        grid.WaitForAssertion(() => Names(grid).Should().BeEquivalentTo(_backfills), Deadline);
        grid.FindAll("td").Select(c => c.TextContent.Trim()).Should().Contain("draft-backfill").And.NotContain("study-review");
        Button(grid, "Next page").HasAttribute("disabled").Should().BeTrue();
    }

    private async Task<string> RunAsync(string machineArn, string name, string input)
    {
        var arn = await _engine.StartAsync(machineArn, input, name);
        await _engine.RunToEndAsync(arn);
        return name;
    }

    private static List<string> Names(IRenderedComponent<ExecutionsGrid> grid) =>
        [.. grid.FindAll(".execution-link").Select(link => link.TextContent.Trim())];

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ExecutionsGrid> grid, string text) =>
        grid.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>What picking an option in the select does: MudSelect's popover list is script-driven, its value change is not.</summary>
    private static Task ChooseAsync(IRenderedComponent<ExecutionsGrid> grid, string label, string value)
    {
        var select = grid.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label);
        return grid.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
