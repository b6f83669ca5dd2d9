using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace ReviewerPortal.Identity;

/// <summary>
/// Re-checks the circuit's current user against an action's policy just before the action runs, so a page never acts on
/// a permission it only had when it rendered (session ended, roles changed, a crafted call into the circuit).
/// </summary>
public sealed class ActionAuthorization(
    AuthenticationStateProvider authenticationState,
    IAuthorizationService authorization,
    SessionLifetime session)
{
    /// <summary>Returns the acting reviewer when the current user may perform <paramref name="action"/>.</summary>
    /// <exception cref="ActionDeniedException">The user may not; its message can be shown as it is.</exception>
    public async Task<Reviewer> RequireAsync(PortalAction action)
    {
        var user = (await authenticationState.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true || session.HasEnded(user))
        {
            throw new ActionDeniedException(action, "Your session has ended. Sign in again to continue.");
        }

        var result = await authorization.AuthorizeAsync(user, PortalActions.PolicyFor(action));
        if (!result.Succeeded)
        {
            throw new ActionDeniedException(action, $"Your role does not allow this ({Describe(action)}).");
        }

        return user.ToReviewer();
    }

    /// <summary>Whether the current user may perform <paramref name="action"/> now (for showing or hiding controls).</summary>
    public async Task<bool> IsAllowedAsync(PortalAction action)
    {
        try
        {
            await RequireAsync(action);
            return true;
        }
        catch (ActionDeniedException)
        {
            return false;
        }
    }

    private static string Describe(PortalAction action) => action switch
    {
        PortalAction.ViewQueue => "viewing the review queue",
        PortalAction.OpenTask => "opening a review task",
        PortalAction.Claim => "claiming a task",
        PortalAction.ReleaseOwnClaim => "releasing a claim",
        PortalAction.Approve => "approving a report",
        PortalAction.Reject => "rejecting a report",
        PortalAction.ViewEscalations => "viewing escalations",
        PortalAction.Reassign => "reassigning a task",
        PortalAction.ReleaseOthersClaim => "releasing someone else's claim",
        PortalAction.ViewOperations => "viewing operations",
        PortalAction.StartDemoCase => "starting a demo case",
        PortalAction.RedriveExecution => "redriving a workflow execution",
        PortalAction.StartDraftBackfill => "starting a draft backfill",
        _ => action.ToString(),
    };
}

/// <summary>The current user may not perform an action; the message is meant for that user.</summary>
public sealed class ActionDeniedException : Exception
{
    public ActionDeniedException(PortalAction action, string message)
        : base(message)
    {
        Action = action;
    }

    public ActionDeniedException()
    {
    }

    public ActionDeniedException(string message)
        : base(message)
    {
    }

    public ActionDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PortalAction Action { get; }
}
