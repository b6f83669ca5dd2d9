using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Drafts;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Files;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Review;

/// <summary>The review page's service on the real Local stores: a SQLite file and a draft folder.</summary>
public sealed class ReviewQueueTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly SqliteReviewTaskStore _tasks;
    private readonly FolderDraftStore _drafts;
    private readonly ReviewQueue _queue;

    public ReviewQueueTests()
    {
        var database = new SqliteDatabase(_folder.File("tasks.db"));
        _tasks = new SqliteReviewTaskStore(database, new ReviewTaskChanges(), _clock);
        _drafts = new FolderDraftStore(_folder.File("objects"));
        var portal = Options.Create(new PortalOptions { MaxDraftBytes = 4096 });
        var changes = new ReviewTaskChanges();
        _queue = new ReviewQueue(_tasks, new SqliteAuditTrail(database), new QueueFirstPages(_tasks, changes), _drafts, changes, portal, _clock, NullLogger<ReviewQueue>.Instance);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<string> RegisterWithDraftAsync(string id, byte[]? draft)
    {
        var location = $"s3://reviewer-portal-drafts/{id}/draft.md";
        if (draft is not null)
        {
            var path = Path.Combine(_folder.File("objects"), "reviewer-portal-drafts", id, "draft.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, draft);
        }

        await _tasks.RegisterAsync(new ReviewTask
        {
            Id = id,
            TaskToken = "token-" + id,
            ExecutionArn = "arn:aws:states:local:000000000000:execution:review:" + id,
            CaseId = "RP-" + id,
            StudyDescription = "Chest X-ray PA",
            Modality = "DX",
            Urgency = Urgency.Routine,
            Queue = QueueName.Routine,
            DraftLocation = location,
            CreatedAt = _clock.GetUtcNow(),
            DueAt = _clock.GetUtcNow().AddHours(24),
        });
        return id;
    }

    [Fact]
    public async Task An_approved_task_shows_the_published_bytes_and_reuses_a_shown_report_only_when_its_hash_matches()
    {
        var id = await RegisterWithDraftAsync("t-published", Encoding.UTF8.GetBytes("# Draft\n\nAI text.\n"));
        var reviewer = new Reviewer("rev-1", "Dr One");
        var final = await _drafts.WriteTextAsync($"s3://reviewer-portal-drafts/{id}/reviewed.md", "# Final\n\nApproved text.\n", "text/markdown");
        (await _tasks.ClaimAsync(id, reviewer, _clock.GetUtcNow().AddMinutes(20))).Applied.Should().BeTrue();
        (await _tasks.RecordDecisionAsync(id, new Decision
        {
            Outcome = DecisionOutcome.Approved,
            Reviewer = reviewer,
            DecidedAt = _clock.GetUtcNow(),
            FinalReportLocation = final.Location,
            FinalSha256 = final.Sha256,
        })).Applied.Should().BeTrue();

        var first = await _queue.OpenAsync(id);
        first.Published!.Text.Should().Be("# Final\n\nApproved text.\n");
        first.Published.Sha256.Should().Be(final.Sha256);

        // The same hash: the page's report is the approved bytes, and is not read and rendered again.
        (await _queue.OpenAsync(id, first)).Published.Should().BeSameAs(first.Published);

        // A report shown under another hash is never kept: the page gets the approved bytes from the store.
        var stale = first with { Published = new DraftView(DraftReadStatus.Found, "<p>Other</p>", null, new string('0', 64)) { Text = "Other" } };
        (await _queue.OpenAsync(id, stale)).Published!.Text.Should().Be("# Final\n\nApproved text.\n");
    }

    [Fact]
    public async Task An_unknown_task_id_opens_as_no_task()
    {
        var view = await _queue.OpenAsync("no-such-task");

        view.Task.Should().BeNull();
        view.Draft.Should().BeNull();
    }

    [Fact]
    public async Task A_draft_renders_as_safe_html_with_its_hash()
    {
        var id = await RegisterWithDraftAsync("ok", Encoding.UTF8.GetBytes("## Impression\n\nClear lungs. <script>x()</script>"));

        var view = await _queue.OpenAsync(id);

        view.Draft!.IsReadable.Should().BeTrue();
        view.Draft.Html.Should().Contain("<h2>Impression</h2>").And.Contain("&lt;script&gt;");
        view.Draft.Sha256.Should().HaveLength(64);
    }

    [Fact]
    public async Task A_missing_draft_says_it_was_not_found()
    {
        var id = await RegisterWithDraftAsync("missing", draft: null);

        var draft = (await _queue.OpenAsync(id)).Draft!;

        draft.Status.Should().Be(DraftReadStatus.NotFound);
        draft.Message.Should().Contain("not found");
    }

    [Fact]
    public async Task A_draft_over_the_configured_limit_says_how_large_it_is_and_is_not_opened()
    {
        var id = await RegisterWithDraftAsync("big", Encoding.UTF8.GetBytes(new string('x', 5000)));

        var draft = (await _queue.OpenAsync(id)).Draft!;

        draft.Status.Should().Be(DraftReadStatus.TooLarge);
        draft.Html.Should().BeNull();
        draft.Message.Should().Contain("too large").And.Contain("4.9 KiB").And.Contain("limit is 4 KiB");
    }

    [Fact]
    public async Task A_draft_that_is_not_utf8_says_so()
    {
        var id = await RegisterWithDraftAsync("latin1", Encoding.Latin1.GetBytes("Läsion im Schädel"));

        var draft = (await _queue.OpenAsync(id)).Draft!;

        draft.Status.Should().Be(DraftReadStatus.NotUtf8);
        draft.Message.Should().Contain("not valid UTF-8");
    }
}
