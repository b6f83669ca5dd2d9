namespace ReviewerPortal.Review;

/// <summary>Timings of claims and decision delivery (section <c>Review:Decisions</c>).</summary>
public sealed class DecisionOptions
{
    public const string Section = "Review:Decisions";

    /// <summary>How long a claim holds a task for one clinician before others may take it; renewed while their page is open.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How often held claims send SendTaskHeartbeat and open pages renew their lease; well under the shortest gate HeartbeatSeconds (10 min).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often decisions left in DECIDING (after a crash or an outage) are finished.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often open tasks are checked against their workflow's gate (<see cref="GateFollower"/>): the live-update interval for decisions made elsewhere.</summary>
    public TimeSpan GateCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A DECIDING task younger than this is left to the request that is delivering it.</summary>
    public TimeSpan ReconcileGrace { get; set; } = TimeSpan.FromSeconds(20);
}
