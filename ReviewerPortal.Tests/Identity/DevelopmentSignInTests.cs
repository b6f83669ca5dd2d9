using System.Net;
using ReviewerPortal.Audit;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity;

[Trait("Category", "Slow")]
public class DevelopmentSignInTests
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_persona_picker_and_back_after_choosing_a_persona()
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();
        var jar = new CookieJar();

        using var home = await jar.SendAsync(client, HttpMethod.Get, "/");
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.Should().EndWith("/signin?returnUrl=%2F");

        using var signIn = await jar.SendAsync(client, HttpMethod.Get, "/signin?returnUrl=%2F");
        signIn.Headers.Location!.OriginalString.Should().Be("/signin/personas?returnUrl=%2F");

        var session = await PersonaSignIn.SignInAsync(client, "persona-supervisor");
        using var after = await session.SendAsync(client, HttpMethod.Get, "/");
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        (await after.Content.ReadAsStringAsync()).Should().Contain("Dr. Sam Okafor");
    }

    [Theory]
    [InlineData("persona-clinician", "/", "Dr. Dana Reyes")]
    [InlineData("persona-supervisor", "/escalations", "Dr. Sam Okafor")]
    [InlineData("persona-operator", "/operations", "Lee Chen")]
    public async Task Each_role_signing_in_at_the_front_door_lands_on_its_own_start_page_not_on_Not_allowed(string persona, string startPage, string name)
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();
        var jar = new CookieJar();
        using (var home = await jar.SendAsync(client, HttpMethod.Get, "/"))
        {
            home.Headers.Location!.OriginalString.Should().EndWith("/signin?returnUrl=%2F");
        }

        var session = await PersonaSignIn.SignInAsync(client, persona); // asserts the redirect to the role's start page
        using var landed = await session.SendAsync(client, HttpMethod.Get, startPage);

        landed.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await landed.Content.ReadAsStringAsync();
        html.Should().Contain(name).And.NotContain("id=\"access-denied\"");
    }

    [Fact]
    public async Task A_persona_sign_in_is_recorded_in_the_audit_trail_with_the_personas_stable_id_and_name()
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();

        await PersonaSignIn.SignInAsync(client, "persona-clinician");

        app.Audit.Entries.Should().ContainSingle(e => e.Action == SignInAudit.SignedIn)
            .Which.Should().Match<AuditEntry>(e =>
                e.ActorId == "persona-clinician" && e.ActorName == "Dr. Dana Reyes" && e.TaskId == null);
    }

    [Fact]
    public async Task Posting_the_persona_form_without_its_antiforgery_token_signs_nobody_in()
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();
        var jar = new CookieJar();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "persona", ["PersonaId"] = "persona-supervisor" });

        using var response = await jar.SendAsync(client, HttpMethod.Post, "/signin/personas", form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        jar.Cookies.Keys.Should().NotContain("portal.session");
        app.Audit.Entries.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Development_personas_refuse_to_start_outside_the_Development_environment(string environment)
    {
        await using var app = new IdentityTestApp(environment);

        var start = () => app.AppServices;

        start.Should().Throw<InvalidOperationException>()
            .WithMessage($"*Identity:Mode is Development*allowed only in the Development environment*'{environment}'*Identity:Mode=Oidc*");
    }
}
