using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Identity;
using ReviewerPortal.Identity.Development;

namespace ReviewerPortal.Tests.Identity;

[Trait("Category", "Slow")]
public class AuthorizationMatrixTests
{
    [Fact]
    public void Every_routable_page_declares_a_portal_policy_or_is_a_deliberately_public_page()
    {
        AuthorizationMatrix.Pages.Should().NotBeEmpty();
        foreach (var page in AuthorizationMatrix.Pages)
        {
            if (page.Anonymous)
            {
                AuthorizationMatrix.PublicPages.Should().Contain(page.Route, $"{page.Component.Name} is [AllowAnonymous]; public pages are a deliberate, listed choice");
            }
            else
            {
                page.Policy.Should().NotBeNull($"{page.Component.Name} ({page.Route}) needs [Authorize(Policy = PortalPolicies.…)]");
                AuthorizationMatrix.PolicyUsers.Should().ContainKey(page.Policy!, $"{page.Component.Name} uses a policy the matrix does not know");
            }
        }
    }

    [Fact]
    public void Every_policy_and_every_action_has_a_row_in_the_matrix()
    {
        AuthorizationMatrix.PolicyUsers.Keys.Should().BeEquivalentTo(PortalPolicies.All);
        AuthorizationMatrix.ActionUsers.Keys.Should().BeEquivalentTo(Enum.GetValues<PortalAction>());
    }

    [Fact]
    public async Task Every_endpoint_either_names_a_policy_is_a_known_public_endpoint_or_is_a_framework_endpoint_for_signed_in_users()
    {
        await using var app = new IdentityTestApp();
        // Liveness and readiness serve the load balancer and ECS, which cannot sign in; the theme's stylesheet dresses
        // the sign-in pages too.
        string[] publicEndpoints =
            ["/healthz", "/readyz", "/signin", "/signout", "/signin-oidc", "/signout-callback-oidc", "/theme.css", .. AuthorizationMatrix.PublicPages];
        var endpoints = app.AppServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Should().NotBeEmpty();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                publicEndpoints.Should().Contain(route, "anonymous endpoints are a deliberate, listed choice");
            }
            else if (policy is null)
            {
                // The Blazor hub and its scripts: the fallback policy admits any signed-in user; pages and actions
                // inside the circuit are authorized by their own policies.
                route.Should().MatchRegex("^/_(blazor|framework)(/|$)", "an application endpoint must name a policy");
            }
            else
            {
                PortalPolicies.All.Should().Contain(policy);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Users), MemberType = typeof(AuthorizationMatrix))]
    public async Task Each_user_opens_exactly_the_pages_the_matrix_allows(string user)
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();
        var jar = user == AuthorizationMatrix.Anonymous ? new CookieJar() : await PersonaSignIn.SignInAsync(client, user);

        foreach (var page in AuthorizationMatrix.Pages)
        {
            using var response = await jar.SendAsync(client, HttpMethod.Get, page.Probe);
            var location = response.Headers.Location is { } l ? new Uri(client.BaseAddress!, l).AbsolutePath : null;
            var because = $"{user} opening {page.Route}";
            if (page.Anonymous || AuthorizationMatrix.Allows(page.Policy!, user))
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, because);
            }
            else if (user == AuthorizationMatrix.Anonymous)
            {
                (response.StatusCode, location).Should().Be((HttpStatusCode.Redirect, "/signin"), because);
            }
            else
            {
                (response.StatusCode, location).Should().Be((HttpStatusCode.Redirect, "/access-denied"), because);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Users), MemberType = typeof(AuthorizationMatrix))]
    public async Task Each_user_may_perform_exactly_the_actions_the_matrix_allows(string user)
    {
        await using var app = new IdentityTestApp();
        await using var scope = app.AppServices.CreateAsyncScope();
        var persona = DevelopmentPersonas.Find(user);
        var principal = persona is null
            ? new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())
            : PortalClaims.CreatePrincipal(persona.Id, null, persona.DisplayName, [persona.Role], "persona", DateTimeOffset.UtcNow);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var actions = scope.ServiceProvider.GetRequiredService<ActionAuthorization>();

        foreach (var action in Enum.GetValues<PortalAction>())
        {
            var act = () => actions.RequireAsync(action);
            if (AuthorizationMatrix.ActionUsers[action].Contains(user))
            {
                (await act.Should().NotThrowAsync($"{user} may {action}")).Which.Id.Should().Be(user);
            }
            else
            {
                await act.Should().ThrowAsync<ActionDeniedException>($"{user} may not {action}");
            }
        }
    }

    [Theory]
    [InlineData("persona-clinician")]
    [InlineData("persona-supervisor")]
    [InlineData("persona-operator")]
    public async Task A_user_turned_away_from_a_page_is_shown_exactly_the_pages_their_role_opens(string user)
    {
        await using var app = new IdentityTestApp();
        using var client = app.CreateRawClient();
        var session = await PersonaSignIn.SignInAsync(client, user);

        using var response = await session.SendAsync(client, HttpMethod.Get, "/access-denied");
        var html = await response.Content.ReadAsStringAsync();

        var expected = AuthorizationMatrix.Pages
            .Where(page => !page.Anonymous && !page.Route.Contains('{', StringComparison.Ordinal) && AuthorizationMatrix.Allows(page.Policy!, user))
            .Select(page => page.Route)
            .ToList();
        var offered = System.Text.RegularExpressions.Regex.Matches(html, "class=\"allowed-page[^\"]*\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        offered.Should().BeEquivalentTo(expected);
        if (expected.Count == 0)
        {
            html.Should().Contain("No page of this portal is open to your role");
        }
    }
}
