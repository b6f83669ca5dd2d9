using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Identity;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Identity;

/// <summary>The check pages make before each action, against the circuit's user as it is at that moment.</summary>
[Trait("Category", "Slow")]
public class ActionAuthorizationTests
{
    [Fact]
    public async Task An_allowed_action_returns_the_acting_reviewer()
    {
        await using var app = new IdentityTestApp();
        await using var circuit = Circuit.Start(app);
        circuit.SignIn(PortalClaims.CreatePrincipal("sub-1", "oid-1", "Dr. Dana Reyes", [PortalRoles.Clinician], "oidc", DateTimeOffset.UtcNow));

        var reviewer = await circuit.Actions.RequireAsync(PortalAction.Approve);

        reviewer.Should().Be(new Reviewer("oid-1", "Dr. Dana Reyes"));
    }

    [Fact]
    public async Task The_check_reads_the_circuits_current_user_each_time()
    {
        await using var app = new IdentityTestApp();
        await using var circuit = Circuit.Start(app);
        circuit.SignIn(PortalClaims.CreatePrincipal("sup", null, "Dr. Sam Okafor", [PortalRoles.Supervisor], "persona", DateTimeOffset.UtcNow));
        await circuit.Actions.RequireAsync(PortalAction.Reassign);

        circuit.SignIn(PortalClaims.CreatePrincipal("sup", null, "Dr. Sam Okafor", [PortalRoles.Clinician], "persona", DateTimeOffset.UtcNow));
        var reassign = () => circuit.Actions.RequireAsync(PortalAction.Reassign);

        (await reassign.Should().ThrowAsync<ActionDeniedException>()).WithMessage("Your role does not allow this (reassigning a task).");
        (await circuit.Actions.IsAllowedAsync(PortalAction.Claim)).Should().BeTrue();
    }

    [Fact]
    public async Task An_action_is_refused_once_the_session_has_passed_its_absolute_cap_even_in_an_open_circuit()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new IdentityTestApp(clock: clock);
        await using var circuit = Circuit.Start(app);
        circuit.SignIn(PortalClaims.CreatePrincipal("c", null, "Dr. Dana Reyes", [PortalRoles.Clinician], "persona", clock.GetUtcNow()));
        await circuit.Actions.RequireAsync(PortalAction.Approve);

        clock.Advance(TimeSpan.FromHours(10));
        var approve = () => circuit.Actions.RequireAsync(PortalAction.Approve);

        (await approve.Should().ThrowAsync<ActionDeniedException>()).WithMessage("Your session has ended. Sign in again to continue.");
    }

    [Fact]
    public async Task An_open_circuit_becomes_anonymous_by_itself_once_its_session_passes_the_absolute_cap()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new IdentityTestApp(
            settings: new Dictionary<string, string?> { ["Identity:CircuitRevalidationInterval"] = "00:00:00.100" }, clock: clock);
        await using var circuit = Circuit.Start(app);
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.State.AuthenticationStateChanged += async state =>
        {
            var user = (await state).User;
            if (user.Identity?.IsAuthenticated != true)
            {
                signedOut.TrySetResult(user);
            }
        };
        var firstVerdict = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        ((PortalAuthenticationStateProvider)circuit.State).Revalidated += valid => firstVerdict.TrySetResult(valid);
        circuit.SignIn(PortalClaims.CreatePrincipal("c", null, "Dr. Dana Reyes", [PortalRoles.Clinician], "persona", clock.GetUtcNow()));

        (await firstVerdict.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the session is young");
        signedOut.Task.IsCompleted.Should().BeFalse("a session found valid is left signed in");

        clock.Advance(TimeSpan.FromHours(10));
        var anonymous = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(10));

        anonymous.Identity?.IsAuthenticated.Should().NotBe(true, "the router then sends the browser to sign in");
    }

    [Fact]
    public async Task An_anonymous_circuit_may_do_nothing()
    {
        await using var app = new IdentityTestApp();
        await using var circuit = Circuit.Start(app);
        circuit.SignIn(new ClaimsPrincipal(new ClaimsIdentity()));

        foreach (var action in Enum.GetValues<PortalAction>())
        {
            (await circuit.Actions.IsAllowedAsync(action)).Should().BeFalse(action.ToString());
        }
    }

    /// <summary>A circuit's services: its scope, its authentication state (set as the Blazor host sets it) and the check.</summary>
    private sealed class Circuit(AsyncServiceScope scope) : IAsyncDisposable
    {
        public ActionAuthorization Actions => scope.ServiceProvider.GetRequiredService<ActionAuthorization>();

        public AuthenticationStateProvider State => scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        public static Circuit Start(IdentityTestApp app) => new(app.AppServices.CreateAsyncScope());

        public void SignIn(ClaimsPrincipal user) =>
            ((IHostEnvironmentAuthenticationStateProvider)State)
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
