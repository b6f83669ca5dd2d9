using Amazon.DynamoDBv2.Model;
using Microsoft.Playwright;
using ReviewerPortal.Review;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Tests.Escalations;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Storage.DynamoDb;
using ReviewerPortal.Tests.Storage.Sqlite;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Operations;

/// <summary>
/// A malformed task item (missing token, unknown urgency, bad timestamp) is skipped from the clinicians' queue, which
/// still shows the good tasks, and is listed for operators on the Operations page: in Aws mode (items put into moto's
/// DynamoDB table directly) and in Local mode (rows of the SQLite file edited directly).
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class MalformedTaskItemsInBrowserTests(ChromiumFixture chromium)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task In_aws_mode_the_queue_shows_the_good_items_and_operations_lists_each_malformed_item_with_its_fault()
    {
        await using var moto = await TestServers.StartMotoAsync();
        var table = await ReviewTaskTable.CreateAsync(moto.BaseUri, enableTtl: true);
        await table.Store(TimeProvider.System).RegisterAsync(Task("good-aws"));
        await table.PutRawAsync(Item("no-token-aws", item => item.Remove(ReviewTaskAttributes.TaskToken)));
        await table.PutRawAsync(Item("stat-aws", item => item[ReviewTaskAttributes.Urgency] = new AttributeValue { S = "stat" }));
        await table.PutRawAsync(Item("bad-due-aws", item => item[ReviewTaskAttributes.DueAt] = new AttributeValue { S = "next Tuesday" }));
        await using var app = new AwsModePortalApp(AwsModeSettings.For(moto.BaseUri, table.Name, "reviewer-portal-drafts"));

        await QueueShowsOnlyAsync(app, "CASE-good-aws");
        await OperationsListsAsync(app, "malformed-aws", new()
        {
            ["no-token-aws"] = "taskToken is missing",
            ["stat-aws"] = "urgency is not one of urgent, routine",
            ["bad-due-aws"] = "dueAt is not an ISO-8601 timestamp with a zone",
        });
    }

    [Fact]
    public async Task In_local_mode_the_queue_shows_the_good_rows_and_operations_lists_each_malformed_row_with_its_fault()
    {
        await using var app = new PortalApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var database = app.GetRequiredService<LocalDataPaths>().DatabaseFile;
        foreach (var id in new[] { "good-local", "no-token-local", "stat-local", "bad-due-local" })
        {
            await store.RegisterAsync(Task(id));
        }

        await SqliteRows.UpdateAsync(database, "no-token-local", "task_token = ''");
        await SqliteRows.UpdateAsync(database, "stat-local", "urgency = 'stat'");
        await SqliteRows.UpdateAsync(database, "bad-due-local", "due_at = -1");

        await QueueShowsOnlyAsync(app, "CASE-good-local");
        await OperationsListsAsync(app, "malformed-local", new()
        {
            ["no-token-local"] = "task_token is empty",
            ["stat-local"] = "urgency is not one of urgent, routine",
            ["bad-due-local"] = "due_at is not a valid time",
        });
    }

    private static ReviewTask Task(string id) => EscalationTasks.Open(id, QueueName.Urgent, Now.AddMinutes(-5), Now.AddMinutes(55));

    private static Dictionary<string, AttributeValue> Item(string id, Action<Dictionary<string, AttributeValue>> spoil)
    {
        var item = ReviewTaskItem.ToItem(Task(id) with { Version = 1 });
        spoil(item);
        return item;
    }

    /// <summary>A clinician's urgent queue renders, with exactly the one good task.</summary>
    private async Task QueueShowsOnlyAsync(PortalApp app, string goodCase)
    {
        var clinician = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(clinician, "/");
        await Expect(clinician.Region("Urgent queue").CaseLinks()).ToHaveTextAsync([goodCase]);
        await clinician.Context.CloseAsync();
    }

    /// <summary>The operator sees one row per malformed item, with its fault, and never a token or a case id.</summary>
    private async Task OperationsListsAsync(PortalApp app, string screenshot, Dictionary<string, string> faults)
    {
        var operator_ = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(operator_, "/operations", "persona-operator");
        var items = operator_.Region("Malformed task items");
        await Expect(items.DataRows()).ToHaveCountAsync(faults.Count);
        foreach (var (id, fault) in faults)
        {
            var row = items.DataRows().Filter(new() { Has = operator_.GetByRole(AriaRole.Cell, new() { Name = id, Exact = true }) });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByRole(AriaRole.List)).ToHaveTextAsync(fault);
        }

        var table = await items.InnerTextAsync();
        table.Should().NotContain("CASE-", "an item's values may be PHI; only ids and faults are shown");
        foreach (var id in faults.Keys)
        {
            table.Should().NotContain(Task(id).TaskToken, "a task token is a secret");
        }

        await operator_.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumFixture.ScreenshotPath(screenshot), FullPage = true });
        await operator_.Context.CloseAsync();
    }
}
