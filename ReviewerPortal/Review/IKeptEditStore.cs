namespace ReviewerPortal.Review;

/// <summary>
/// Where each reviewer's unsent edit of each task is kept while they type, so a reload, a reconnect or a restart of
/// the portal (a redeploy) restores it: the portal's SQLite file in Local mode, the review-tasks table in Aws mode.
/// </summary>
/// <remarks>
/// An edit larger than <see cref="ApprovedReport.MaxBytes"/> (the largest report the portal publishes) is refused with
/// <see cref="KeptEditTooLargeException"/>, never cut short: a restored edit is always exactly what was typed.
/// </remarks>
public interface IKeptEditStore
{
    /// <summary>Replaces <paramref name="reviewerId"/>'s kept edit of the task.</summary>
    Task KeepAsync(string reviewerId, string taskId, string text, CancellationToken cancellationToken = default);

    Task<string?> FindAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default);

    Task ForgetAsync(string reviewerId, string taskId, CancellationToken cancellationToken = default);

    /// <summary>Forgets every reviewer's edit of the task: its decision landed or it closed.</summary>
    Task ForgetTaskAsync(string taskId, CancellationToken cancellationToken = default);
}
