namespace ReviewerPortal.Review;

/// <summary>
/// Each reviewer's in-progress edit of each task, kept on the server as they type, so a reload, a reconnect or a
/// restart of the portal restores it (README "Reviewing a case safely"). Stored by <see cref="IKeptEditStore"/>; the
/// page also warns before it is left with unsent text, since typing after the last keep is only on the screen.
/// </summary>
public sealed partial class KeptEdits(IKeptEditStore store, ILogger<KeptEdits> logger)
{
    /// <summary>Keeps the edit; null when kept, otherwise the sentence that tells the reviewer it was not.</summary>
    public async Task<string?> KeepAsync(string reviewerId, string taskId, string text, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.KeepAsync(reviewerId, taskId, text, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (KeptEditTooLargeException tooLarge)
        {
            return tooLarge.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogKeepFailed(logger, taskId, e.GetType().Name);
            return "Your edit is on this screen but could not be saved on the server just now; it would not survive a reload. Keep typing to try again, or approve it.";
        }
    }

    /// <summary>
    /// The reviewer's kept edit of an open task. A task that closed (decided by anyone, expired, completed outside the
    /// portal) has nothing to restore: its edits are forgotten here if the store still has them.
    /// </summary>
    public async Task<string?> FindAsync(string reviewerId, ReviewTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!task.IsOpen)
        {
            await store.ForgetTaskAsync(task.Id, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await store.FindAsync(reviewerId, task.Id, cancellationToken).ConfigureAwait(false);
    }

    public Task<string?> FindAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default) =>
        store.FindAsync(reviewerId, taskId, cancellationToken);

    public Task ForgetAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default) =>
        store.ForgetAsync(reviewerId, taskId, cancellationToken);

    /// <summary>The task's decision landed: nobody's edit of it is restored again.</summary>
    public Task ForgetTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        store.ForgetTaskAsync(taskId, cancellationToken);

    // The edit's text may carry PHI: only the task and the kind of failure are logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping an unsent edit of task {TaskId} failed ({Error})")]
    private static partial void LogKeepFailed(ILogger logger, string taskId, string error);
}
