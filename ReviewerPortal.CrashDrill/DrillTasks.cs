using ReviewerPortal.Review;

namespace ReviewerPortal.CrashDrill;

internal static class DrillTasks
{
    /// <summary>Every open task of the urgent queue, where the drill's cases wait.</summary>
    public static async Task<List<ReviewTask>> OpenAsync(IReviewTaskStore store)
    {
        var open = new List<ReviewTask>();
        await foreach (var task in OpenTasks.AllAsync(store, [QueueName.Urgent]))
        {
            open.Add(task);
        }

        return open;
    }
}
