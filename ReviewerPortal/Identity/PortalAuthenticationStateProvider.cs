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

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        ClaimsPrincipal user = authenticationState.User;
        return Task.FromResult(!session.HasEnded(user));
    }
}
