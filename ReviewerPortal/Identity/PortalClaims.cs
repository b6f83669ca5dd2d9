using System.Globalization;
using System.Security.Claims;

namespace ReviewerPortal.Identity;

/// <summary>The claims a portal session carries, and how the acting <see cref="Reviewer"/> is read from them.</summary>
public static class PortalClaims
{
    /// <summary>Entra's immutable object id of the user: the same in every app of the tenant, so preferred.</summary>
    public const string ObjectId = "oid";

    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = ClaimTypes.Role;

    /// <summary>Unix seconds when this session began; the absolute session cap counts from here.</summary>
    public const string SessionStarted = "portal:session_started";

    /// <summary>How the user signed in: <c>oidc</c> or <c>persona</c>.</summary>
    public const string Method = "portal:method";

    public const string AuthenticationType = "portal";

    /// <summary>The acting reviewer: the stable id (<c>oid</c>, else <c>sub</c>) and the display name.</summary>
    /// <exception cref="InvalidOperationException">The user is not signed in or has no stable id.</exception>
    public static Reviewer ToReviewer(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("Only a signed-in user can act as a reviewer.");
        }

        var id = user.FindFirst(ObjectId)?.Value ?? user.FindFirst(Subject)?.Value
            ?? throw new InvalidOperationException("The signed-in user has neither an 'oid' nor a 'sub' claim.");
        var name = user.FindFirst(Name)?.Value;
        return new Reviewer(id, string.IsNullOrWhiteSpace(name) ? id : name);
    }

    /// <summary>Whether the user carries a stable id (<c>oid</c> or <c>sub</c>) to act as a reviewer under.</summary>
    public static bool HasStableId(ClaimsPrincipal user) =>
        user?.FindFirst(ObjectId) is not null || user?.FindFirst(Subject) is not null;

    public static DateTimeOffset? SessionStartedAt(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var value = user.FindFirst(SessionStarted)?.Value;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    /// <summary>Builds a session principal; roles are portal roles, already mapped.</summary>
    public static ClaimsPrincipal CreatePrincipal(
        string subject, string? objectId, string displayName, IEnumerable<string> roles, string method, DateTimeOffset startedAt)
    {
        var claims = new List<Claim>
        {
            new(Subject, subject),
            new(Name, displayName),
            new(Method, method),
            new(SessionStarted, startedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(objectId))
        {
            claims.Add(new Claim(ObjectId, objectId));
        }

        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(role => new Claim(Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, Name, Role));
    }
}
