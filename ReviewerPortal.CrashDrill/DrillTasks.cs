using ReviewerPortal.Review;

namespace ReviewerPortal.CrashDrill;

internal static class DrillTasks
{
    /// <summary>Every open task of the urgent queue (where the drill's cases wait), all pages.</summary>
    public static async Task<List<ReviewTask>> OpenAsync(IReviewTaskStore store)
    {
        var open = new List<ReviewTask>();
        string? page = null;
        do
        {
            var tasks = await store.ListOpenAsync(QueueName.Urgent, 100, page);
            open.AddRange(tasks.Items);
            page = tasks.ContinuationToken;
        }
        while (page is not null);
        return open;
    }
}
