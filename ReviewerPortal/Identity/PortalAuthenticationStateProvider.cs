using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Identity;

/// <summary>
/// A circuit's user, re-validated every minute (CircuitRevalidationInterval): once the session's absolute cap passes, the circuit becomes anonymous
/// and the router sends the browser to sign in, even if the page stays open without new requests.
/// </summary>
public sealed class PortalAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionLifetime session, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidationInterval;

    /// <summary>Raised after each revalidation with its verdict (false: the circuit is signed out), so tests wait for a round instead of sleeping.</summary>
    internal event Action<bool>? Revalidated;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        ClaimsPrincipal user = authenticationState.User;
        var valid = !session.HasEnded(user);
        Revalidated?.Invoke(valid);
        return Task.FromResult(valid);
    }
}
