namespace ReviewerPortal.Identity;

/// <summary>What a user does in a page; each action is re-authorized against its policy just before it runs.</summary>
public enum PortalAction
{
    ViewQueue,
    OpenTask,
    Claim,
    ReleaseOwnClaim,
    Approve,
    Reject,
    ViewEscalations,
    Reassign,
    ReleaseOthersClaim,
    ViewOperations,
    StartDemoCase,
    RedriveExecution,
    StartDraftBackfill,
}

/// <summary>The one table from actions to policies.</summary>
public static class PortalActions
{
    public static string PolicyFor(PortalAction action) => action switch
    {
        PortalAction.ViewQueue or PortalAction.OpenTask or PortalAction.Claim or PortalAction.ReleaseOwnClaim
            or PortalAction.Approve or PortalAction.Reject => PortalPolicies.Review,
        PortalAction.ViewEscalations => PortalPolicies.Escalations,
        PortalAction.Reassign or PortalAction.ReleaseOthersClaim => PortalPolicies.OverrideClaims,
        PortalAction.ViewOperations or PortalAction.RedriveExecution or PortalAction.StartDraftBackfill => PortalPolicies.Operations,
        PortalAction.StartDemoCase => PortalPolicies.DemoCases,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No policy is defined for this action."),
    };
}
