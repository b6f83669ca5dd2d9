using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Operations.MapRuns;

/// <summary>One Map Run as the Operations page shows it: its label, status and item counts.</summary>
public sealed record MapRunView(string MapRunArn, string Label, string Status, MapRunItemCounts Counts)
{
    public bool IsRunning => Status == "RUNNING";

    /// <summary>Items that have ended one way or another, out of all items read; 0 while no item has been read.</summary>
    public double PercentDone => Counts.Total == 0 ? 0 : 100.0 * (Counts.Succeeded + Counts.Failed + Counts.TimedOut + Counts.Aborted) / Counts.Total;

    public static MapRunView From(DescribeMapRunResponse described) =>
        new(described.MapRunArn!, LabelOf(described.MapRunArn!), described.Status ?? "UNKNOWN", described.ItemCounts ?? new MapRunItemCounts());

    /// <summary>
    /// The Map state's label from <c>…:mapRun:{stateMachineName}/{label}:{id}</c>: the ARN is all AWS returns that names
    /// the Map state, so the label is read from it rather than from the engine.
    /// </summary>
    public static string LabelOf(string mapRunArn)
    {
        var id = mapRunArn.LastIndexOf(':');
        var slash = id < 0 ? -1 : mapRunArn.LastIndexOf('/', id);
        return slash < 0 ? mapRunArn : mapRunArn[(slash + 1)..id];
    }
}

/// <summary>A failed child execution of a Map Run, with the error and cause it failed with (null when not describable).</summary>
public sealed record MapRunFailure(string ExecutionArn, string Name, string? Error, string? Cause);

/// <summary>A page of failed children and the token of the next page (null on the last).</summary>
public sealed record MapRunFailurePage(IReadOnlyList<MapRunFailure> Items, string? NextToken);
