using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>The Map Run events of the parent's history.</summary>
internal static class MapRunEvents
{
    public static HistoryEvent Started(string mapRunArn) => new()
    {
        Type = HistoryEventType.MapRunStarted,
        MapRunStartedEventDetails = new MapRunStartedEventDetails { MapRunArn = mapRunArn },
    };

    /// <summary>A redriven parent re-entered the Map state: the same Map Run runs its unsuccessful children again.</summary>
    public static HistoryEvent Redriven(string mapRunArn, int redriveCount) => new()
    {
        Type = HistoryEventType.MapRunRedriven,
        MapRunRedrivenEventDetails = new MapRunRedrivenEventDetails { MapRunArn = mapRunArn, RedriveCount = redriveCount },
    };

    public static HistoryEvent Succeeded() => new() { Type = HistoryEventType.MapRunSucceeded };

    public static HistoryEvent Failed(string error, string cause) => new()
    {
        Type = HistoryEventType.MapRunFailed,
        MapRunFailedEventDetails = new MapRunFailedEventDetails { Error = error, Cause = cause },
    };
}
