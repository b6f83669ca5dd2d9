using System.Globalization;
using Microsoft.Extensions.Options;
using ReviewerPortal.Audit;
using ReviewerPortal.Drafts;

namespace ReviewerPortal.Review;

/// <summary>
/// The clinician's view of the work: queue pages by due time, one task with its AI draft rendered safely, and live
/// change notifications. Pages talk to this, never to the stores.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The clinicians' word for it; not a Queue<T>.")]
public sealed partial class ReviewQueue(
    IReviewTaskStore tasks,
    IAuditTrail audit,
    QueueFirstPages firstPages,
    IDraftStore drafts,
    ReviewTaskChanges changes,
    IOptions<PortalOptions> portal,
    TimeProvider time,
    ILogger<ReviewQueue> logger)
{
    public const int PageSize = 20;

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<TaskPage> ListAsync(QueueName queue, string? continuationToken, CancellationToken cancellationToken = default) =>
        continuationToken is null
            ? firstPages.GetAsync(queue, cancellationToken)
            : tasks.ListOpenAsync(queue, PageSize, continuationToken, cancellationToken);

    /// <summary>Called after every committed change to a task; dispose the result to stop.</summary>
    public IDisposable Subscribe(Func<ReviewTaskChanged, Task> onChange) => changes.Subscribe(onChange);

    /// <summary>
    /// One task as its page shows it. <paramref name="shown"/> is what the page shows now: its published report is
    /// reused when the decision names the same SHA-256 (the very same bytes), so the two changes an approval makes
    /// (DECIDING, then DECIDED) do not read and render a long report twice.
    /// </summary>
    /// <remarks>
    /// Reading and rendering run off the caller's synchronization context: on a Blazor circuit that context also runs
    /// the approval that caused the change, and a 200 KB report's Markdown rendering there held back its confirmation.
    /// </remarks>
    public async Task<ReviewView> OpenAsync(string taskId, ReviewView? shown = null, CancellationToken cancellationToken = default)
    {
        var task = await tasks.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return new ReviewView(null, null);
        }

        var draft = await ReadDraftAsync(task, task.DraftLocation, cancellationToken).ConfigureAwait(false);
        var published = task.Decision is { Outcome: DecisionOutcome.Approved, FinalReportLocation: { } report } approval
            ? shown?.Published is { IsReadable: true, Sha256: { } sha } same && sha == approval.FinalSha256
                ? same
                : await ReadDraftAsync(task, report, cancellationToken).ConfigureAwait(false)
            : null;
        var since = task.Claim is { } claim
            ? ClaimHistory.HeldSince(await audit.ListForTaskAsync(task.Id, cancellationToken).ConfigureAwait(false), claim)
            : null;
        return new ReviewView(task, draft, published) { ClaimedSince = since };
    }

    private async Task<DraftView> ReadDraftAsync(ReviewTask task, string location, CancellationToken cancellationToken)
    {
        var limit = portal.Value.MaxDraftBytes;
        DraftReadResult read;
        try
        {
            read = await drafts.ReadTextAsync(location, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is unreachable or refused us; the clinician gets a message, operators get the task id.
            LogDraftUnavailable(logger, e, task.Id);
            return new DraftView(DraftReadStatus.NotFound, null, "The draft store could not be reached. Try again in a moment; if it persists, tell the operators.");
        }

        return read.Status switch
        {
            DraftReadStatus.Found => Shown(read),
            DraftReadStatus.TooLarge => new DraftView(read.Status, null, string.Create(
                CultureInfo.InvariantCulture,
                $"The AI draft is too large to display ({Size(read.Size)}; the limit is {Size(limit)}). It was not opened.")),
            DraftReadStatus.NotUtf8 => new DraftView(read.Status, null, "The AI draft is not valid UTF-8 text, so it cannot be shown safely."),
            DraftReadStatus.InvalidLocation => new DraftView(read.Status, null, "This task's draft location is not a valid s3://bucket/key address."),
            _ => new DraftView(read.Status, null, "The AI draft for this case was not found where the workflow recorded it."),
        };
    }

    /// <summary>The draft as the clinician reads, edits and approves it: provenance lines stay beside it, not in it.</summary>
    private static DraftView Shown(DraftReadResult read)
    {
        var text = ReportProvenance.WithoutDisclaimer(read.Text!);
        return new DraftView(read.Status, DraftMarkdown.ToHtml(text), null, read.Sha256) { Text = text };
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The draft of task {TaskId} could not be read from the draft store.")]
    private static partial void LogDraftUnavailable(ILogger logger, Exception exception, string taskId);
}
