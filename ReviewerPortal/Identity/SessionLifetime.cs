using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Identity;

/// <summary>The absolute cap on a session: checked by the cookie on each request and by circuits on each action.</summary>
public sealed class SessionLifetime(IOptions<IdentityOptions> options, TimeProvider time)
{
    public bool HasEnded(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var started = user.SessionStartedAt();
        return started is null || time.GetUtcNow() >= started.Value + options.Value.MaxSessionLifetime;
    }
}
