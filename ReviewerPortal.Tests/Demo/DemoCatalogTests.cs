using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Demo;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Files;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Demo;

public sealed class DemoCatalogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void The_catalog_has_at_least_twelve_cases_across_both_queues_with_unique_case_ids()
    {
        DemoCatalog.Cases.Should().HaveCountGreaterThanOrEqualTo(12);
        DemoCatalog.Cases.Select(c => c.CaseId).Should().OnlyHaveUniqueItems();
        DemoCatalog.Cases.Count(c => c.Queue == QueueName.Urgent).Should().BeGreaterThanOrEqualTo(5);
        DemoCatalog.Cases.Count(c => c.Queue == QueueName.Routine).Should().BeGreaterThanOrEqualTo(5);
        DemoCatalog.Cases.Should().Contain(c => c.StudyDescription.Contains("CT head", StringComparison.Ordinal) && c.Urgency == Urgency.Urgent);
        DemoCatalog.Cases.Should().Contain(c => c.StudyDescription.Contains("MRI left knee", StringComparison.Ordinal) && c.Urgency == Urgency.Routine);
    }

    [Fact]
    public void Every_draft_is_embedded_structured_and_free_of_identifiers()
    {
        var identifiers = new Regex(@"\b(DOB|MRN|NHS|SSN|Mr\.|Mrs\.|Ms\.|born)\b|\d{2}/\d{2}/\d{4}", RegexOptions.IgnoreCase);
        foreach (var demo in DemoCatalog.Cases)
        {
            var draft = demo.ReadDraft();

            draft.Should().Contain("## Findings", demo.CaseId).And.Contain("## Impression", demo.CaseId);
            identifiers.IsMatch(draft).Should().BeFalse($"{demo.CaseId}'s draft must be de-identified");
        }
    }

    [Fact]
    public async Task Seeding_twice_puts_each_case_and_its_draft_in_the_stores_once()
    {
        var clock = TestClocks.AtMorning();
        var tasks = new SqliteReviewTaskStore(new SqliteDatabase(_folder.File("tasks.db")), new ReviewTaskChanges(), clock);
        var drafts = new FolderDraftStore(_folder.File("objects"));
        var seeder = new DemoSeeder(tasks, drafts, Options.Create(new DemoOptions { SeedRows = true }), clock, NullLogger<DemoSeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await seeder.StartAsync(CancellationToken.None);

        var urgent = await tasks.ListOpenAsync(QueueName.Urgent, 100, null);
        var routine = await tasks.ListOpenAsync(QueueName.Routine, 100, null);
        (urgent.Items.Count + routine.Items.Count).Should().Be(DemoCatalog.Cases.Count);
        urgent.Items[0].CaseId.Should().Be("RP-1007", "seeding again keeps the first due times");
        var stroke = urgent.Items.Single(t => t.CaseId == "RP-1001");
        (await drafts.ReadTextAsync(stroke.DraftLocation, 1024 * 1024)).Text.Should().Contain("hyperdense left M1 sign");
    }

    [Fact]
    public async Task Seeding_switched_off_registers_nothing()
    {
        var clock = TestClocks.AtMorning();
        var tasks = new SqliteReviewTaskStore(new SqliteDatabase(_folder.File("tasks.db")), new ReviewTaskChanges(), clock);
        var options = Options.Create(new DemoOptions { SeedRows = false });
        var seeder = new DemoSeeder(tasks, new FolderDraftStore(_folder.File("objects")), options, clock, NullLogger<DemoSeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);

        (await tasks.ListOpenAsync(QueueName.Urgent, 10, null)).Items.Should().BeEmpty();
    }
}
