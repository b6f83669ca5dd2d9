using System.Security.Claims;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Identity;

public class PortalClaimsTests
{
    [Fact]
    public void The_reviewer_id_is_the_object_id_when_the_provider_sends_one_else_the_subject()
    {
        var entra = PortalClaims.CreatePrincipal("pairwise-sub", "tenant-wide-oid", "Dr. A", [], "oidc", DateTimeOffset.UtcNow);
        var other = PortalClaims.CreatePrincipal("plain-sub", null, "Dr. B", [], "oidc", DateTimeOffset.UtcNow);

        entra.ToReviewer().Should().Be(new Reviewer("tenant-wide-oid", "Dr. A"));
        other.ToReviewer().Should().Be(new Reviewer("plain-sub", "Dr. B"));
    }

    [Fact]
    public void An_anonymous_user_cannot_act_as_a_reviewer()
    {
        var act = () => new ClaimsPrincipal(new ClaimsIdentity()).ToReviewer();

        act.Should().Throw<InvalidOperationException>().WithMessage("Only a signed-in user*");
    }

    [Theory]
    [InlineData("Portal.Clinician", "Clinician")]
    [InlineData("Portal.Supervisor", "Supervisor")]
    [InlineData("Clinician", null)]
    [InlineData("Portal.Admin", null)]
    public void Provider_roles_map_through_the_configured_table_only(string providerRole, string? portalRole)
    {
        var mapping = new Dictionary<string, string> { ["Portal.Clinician"] = "Clinician", ["Portal.Supervisor"] = "Supervisor" };

        RoleMapping.Map([providerRole], mapping).Should().Equal(portalRole is null ? [] : [portalRole]);
    }

    [Fact]
    public void Without_a_mapping_only_exact_portal_role_names_count()
    {
        RoleMapping.Map(["Clinician", "clinician", "Operator", "Admin"], new Dictionary<string, string>()).Should().Equal("Clinician", "Operator");
    }

    [Fact]
    public void A_mapping_to_an_unknown_portal_role_is_refused_at_start_up()
    {
        var act = () => RoleMapping.Validate(new Dictionary<string, string> { ["Portal.Admin"] = "Administrator" });

        act.Should().Throw<InvalidOperationException>().WithMessage("*'Portal.Admin' → 'Administrator'*Clinician, Supervisor, Operator*");
    }
}
