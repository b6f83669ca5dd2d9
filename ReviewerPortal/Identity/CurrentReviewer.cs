using Microsoft.AspNetCore.Components.Authorization;

namespace ReviewerPortal.Identity;

/// <summary>The signed-in user as pages see them: the acting reviewer (stable id and display name) and their portal roles.</summary>
public sealed record SignedInReviewer(Reviewer Reviewer, IReadOnlyList<string> Roles)
{
    public string Id => Reviewer.Id;

    public string DisplayName => Reviewer.DisplayName;

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>
/// Who is using this circuit (scoped: one per circuit or request), read from the authentication state each time it is
/// asked, so a session that ended or a user whose roles changed is seen at once. Pages and components ask here instead
/// of reading claims; <see cref="PortalClaims"/> is the one place that knows the claim names.
/// </summary>
public sealed class CurrentReviewer(AuthenticationStateProvider authenticationState)
{
    /// <summary>The signed-in reviewer, or null when nobody is signed in (or the session carries no stable id).</summary>
    public async Task<SignedInReviewer?> FindAsync()
    {
        var user = (await authenticationState.GetAuthenticationStateAsync().ConfigureAwait(false)).User;
        if (user.Identity?.IsAuthenticated != true || !PortalClaims.HasStableId(user))
        {
            return null;
        }

        return new SignedInReviewer(user.ToReviewer(), [.. PortalRoles.All.Where(user.IsInRole)]);
    }

    /// <summary>The signed-in reviewer's stable id, or null when nobody is signed in.</summary>
    public async Task<string?> FindIdAsync() => (await FindAsync().ConfigureAwait(false))?.Id;
}
