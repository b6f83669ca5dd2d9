namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Redrives an ended Map Run when its redriven parent enters the Distributed Map state again, as AWS does: the Map Run
/// keeps its ARN and its successful children; each unsuccessful child (failed, timed out, aborted) waits to run again —
/// a Standard child is redriven from the state where it failed, an Express child is started over — except a Standard
/// child its own redrive rules refuse, which stays as it ended and counts in failuresNotRedrivable. Items never started
/// are started by the dispatch as in a first run.
/// </summary>
internal sealed class MapRunRedrive(DistributedMaps maps)
{
    /// <summary>"You haven't exceeded the hard limit of 1000 redrives of a given Map Run" (past it: States.Runtime).</summary>
    public const int MaxRedrives = 1000;

    private static readonly string[] Unsuccessful = ["FAILED", "TIMED_OUT", "ABORTED"];

    public async Task<MapRunRecord> RedriveAsync(MapRunRecord mapRun, int parentRedriveCount, DateTime now)
    {
        if (mapRun.RedriveCount >= MaxRedrives)
        {
            throw new StateFailure(StatesErrors.Runtime, $"The Map Run '{mapRun.Arn}' has been redriven {MaxRedrives} times, the most a Map Run can be.");
        }

        long notRedrivable = 0;
        long notRedrivableItems = 0;
        foreach (var status in Unsuccessful)
        {
            // Paged by index: a marked child leaves this status, a refused one is passed over, and neither is read twice.
            for (var page = await maps.Store.ListChildrenAsync(mapRun.Arn, status); page.Count > 0; page = await maps.Store.ListChildrenAsync(mapRun.Arn, status, page[^1].Index))
            {
                foreach (var child in page)
                {
                    if (await maps.ChildRedriveBlockedAsync(mapRun, child) is not null)
                    {
                        notRedrivable++;
                        notRedrivableItems += child.ItemCount;
                        continue;
                    }

                    maps.Store.SaveChild(child with { Status = MapRunChildStatus.PendingRedrive, StatusBeforeRedrive = child.Status, RedriveCount = child.RedriveCount + 1 });
                }
            }
        }

        var redriven = mapRun with
        {
            Status = MapRunStatus.Running,
            StopDate = null,
            RedriveCount = mapRun.RedriveCount + 1,
            RedriveDate = now,
            ParentRedriveCount = parentRedriveCount,
            FailuresNotRedrivable = notRedrivable,
            ItemFailuresNotRedrivable = notRedrivableItems,
        };
        maps.Store.SaveMapRun(redriven);
        return redriven;
    }

    /// <summary>
    /// Children still waiting for a redrive when the Map Run ends (it was stopped, or failed past its threshold before
    /// reaching them) keep the status they had: they did not run again.
    /// </summary>
    public async Task SettleUnrunAsync(string mapRunArn)
    {
        for (var page = await maps.Store.ListChildrenAsync(mapRunArn, MapRunChildStatus.PendingRedrive); page.Count > 0; page = await maps.Store.ListChildrenAsync(mapRunArn, MapRunChildStatus.PendingRedrive, page[^1].Index))
        {
            foreach (var child in page)
            {
                maps.Store.SaveChild(child with { Status = child.StatusBeforeRedrive ?? "FAILED", StatusBeforeRedrive = null });
            }
        }
    }
}
