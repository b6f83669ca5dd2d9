using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity;

/// <summary>Who the circuit's user is, as pages ask for it, read from the framework's own authentication state provider.</summary>
public class CurrentReviewerTests
{
    private readonly ServerAuthenticationStateProvider _state = new();

    private CurrentReviewer Current => new(_state);

    [Fact]
    public async Task A_signed_in_user_is_their_object_id_their_display_name_and_their_portal_roles()
    {
        SignIn(PortalClaims.CreatePrincipal("sub-1", "oid-1", "Dr. Dana Reyes", [PortalRoles.Supervisor, PortalRoles.Clinician], "oidc", DateTimeOffset.UtcNow));

        var user = await Current.FindAsync();

        user.Should().NotBeNull();
        user!.Reviewer.Should().Be(new Reviewer("oid-1", "Dr. Dana Reyes"));
        user.Roles.Should().Equal(PortalRoles.Clinician, PortalRoles.Supervisor);
        user.IsInRole(PortalRoles.Supervisor).Should().BeTrue();
        user.IsInRole(PortalRoles.Operator).Should().BeFalse();
    }

    [Fact]
    public async Task Without_an_object_id_the_subject_is_the_stable_id()
    {
        SignIn(PortalClaims.CreatePrincipal("persona-clinician", null, "Dr. Dana Reyes", [PortalRoles.Clinician], "persona", DateTimeOffset.UtcNow));

        (await Current.FindIdAsync()).Should().Be("persona-clinician");
    }

    [Fact]
    public async Task Nobody_is_signed_in_without_an_authenticated_user_or_without_a_stable_id()
    {
        SignIn(new ClaimsPrincipal(new ClaimsIdentity()));
        (await Current.FindAsync()).Should().BeNull();

        SignIn(new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaims.Name, "No Id")], PortalClaims.AuthenticationType)));
        (await Current.FindAsync()).Should().BeNull("an action needs an id to record");
    }

    [Fact]
    public async Task The_user_is_read_afresh_each_time_so_a_circuit_sees_a_session_end_or_a_role_change()
    {
        var current = Current;
        SignIn(PortalClaims.CreatePrincipal("sup", null, "Dr. Sam Okafor", [PortalRoles.Supervisor], "persona", DateTimeOffset.UtcNow));
        (await current.FindAsync())!.IsInRole(PortalRoles.Supervisor).Should().BeTrue();

        SignIn(PortalClaims.CreatePrincipal("sup", null, "Dr. Sam Okafor", [PortalRoles.Clinician], "persona", DateTimeOffset.UtcNow));
        (await current.FindAsync())!.Roles.Should().Equal(PortalRoles.Clinician);

        SignIn(new ClaimsPrincipal(new ClaimsIdentity()));
        (await current.FindIdAsync()).Should().BeNull();
    }

    private void SignIn(ClaimsPrincipal user) => _state.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
}
