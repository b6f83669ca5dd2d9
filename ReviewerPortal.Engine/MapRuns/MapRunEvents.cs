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

    public static HistoryEvent Succeeded() => new() { Type = HistoryEventType.MapRunSucceeded };

    public static HistoryEvent Failed(string error, string cause) => new()
    {
        Type = HistoryEventType.MapRunFailed,
        MapRunFailedEventDetails = new MapRunFailedEventDetails { Error = error, Cause = cause },
    };
}
