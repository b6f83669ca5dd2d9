using Microsoft.AspNetCore.Authorization;

namespace ReviewerPortal.Identity;

/// <summary>
/// Named authorization policies for pages, endpoints and actions.
/// The matrix (README "Roles"): clinicians review; supervisors review, see escalations and override claims;
/// operators see Operations and detailed health. Everything else needs at least a signed-in user.
/// </summary>
public static class PortalPolicies
{
    /// <summary>The queue, a task's draft, claiming, releasing one's own claim, approving and rejecting.</summary>
    public const string Review = "Review";

    /// <summary>The escalation queue (overdue and timed-out work).</summary>
    public const string Escalations = "Escalations";

    /// <summary>Taking over or releasing someone else's claim, reassigning.</summary>
    public const string OverrideClaims = "OverrideClaims";

    /// <summary>The Operations page and detailed health.</summary>
    public const string Operations = "Operations";

    /// <summary>Starting a demo case in Local mode: any portal role, so a new user can watch one flow end to end.</summary>
    public const string DemoCases = "DemoCases";

    public static IReadOnlyList<string> All { get; } = [Review, Escalations, OverrideClaims, Operations, DemoCases];

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(Review, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Clinician, PortalRoles.Supervisor))
            .AddPolicy(Escalations, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Supervisor))
            .AddPolicy(OverrideClaims, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Supervisor))
            .AddPolicy(Operations, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Operator))
            .AddPolicy(DemoCases, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Clinician, PortalRoles.Supervisor, PortalRoles.Operator))
            // Endpoints that state nothing still need a signed-in user; the matrix test makes "nothing" a visible choice.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
