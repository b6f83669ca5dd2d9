namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Where Map Runs and their children are kept (in memory, or in the engine's SQLite file). Redrive builds on this:
/// <see cref="ListChildrenAsync"/> with a status says which children failed or never finished.
/// </summary>
internal interface IMapRunStore
{
    /// <summary>Adds or replaces the Map Run (its settings and status).</summary>
    void SaveMapRun(MapRunRecord record);

    Task<MapRunRecord?> GetMapRunAsync(string mapRunArn);

    /// <summary>The Map Runs an execution started, oldest first.</summary>
    Task<IReadOnlyList<MapRunRecord>> ListMapRunsAsync(string executionArn);

    /// <summary>Adds or replaces one child (keyed by Map Run and child index).</summary>
    void SaveChild(MapRunChild child);

    /// <summary>
    /// The children of a Map Run in index order, optionally only those of one status, a page at a time (those after
    /// child <paramref name="afterIndex"/>), so that a large run is never read whole.
    /// </summary>
    Task<IReadOnlyList<MapRunChild>> ListChildrenAsync(string mapRunArn, string? status = null, int afterIndex = -1, int limit = 1000);

    /// <summary>How many children, and how many items, are in each status.</summary>
    Task<IReadOnlyList<MapRunStatusCount>> CountChildrenAsync(string mapRunArn);

    Task<MapRunChild?> FindChildAsync(string executionArn);
}

/// <summary>Children and items of a Map Run in one status.</summary>
internal sealed record MapRunStatusCount(string Status, long Children, long Items);
