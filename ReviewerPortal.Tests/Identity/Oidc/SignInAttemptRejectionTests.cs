using System.Net;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>Callbacks that must not complete a sign-in: replays, injected codes, missing PKCE, provider errors.</summary>
[Trait("Category", "Slow")]
public class SignInAttemptRejectionTests
{
    [Fact]
    public async Task Replaying_a_used_callback_with_its_state_cookie_is_refused()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal);
        // The handler's correlation and nonce cookies of this attempt, as an attacker who copied them would keep them.
        var attemptCookies = flow.Jar.Cookies.Where(c => c.Key.StartsWith(".AspNetCore.", StringComparison.Ordinal)).ToList();
        attemptCookies.Should().Contain(c => c.Key.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        var code = provider.IssueCode(flow.CodeChallenge, flow.Nonce);
        using (var first = await flow.ReturnWithCodeAsync(portal, code))
        {
            first.StatusCode.Should().Be(HttpStatusCode.Redirect, app.Logs.Rejections);
        }

        flow.Jar.Cookies.Keys.Should().NotContain(k => k.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal), "the portal deletes a used correlation cookie");
        app.Audit.Entries.Should().HaveCount(1);
        var replay = new CookieJar();
        foreach (var (name, value) in attemptCookies)
        {
            replay.Put(name, value);
        }

        using var response = await replay.SendAsync(portal, HttpMethod.Get, $"/signin-oidc?code={code}&state={Uri.EscapeDataString(flow.State)}");

        await ExpectRefusedAsync(app, response, SignInFailure.ReplayedResponse, "already been used");
        app.Audit.Entries.Should().HaveCount(1, "the replay signed nobody in");
    }

    [Fact]
    public async Task A_callback_for_an_attempt_this_browser_never_started_is_refused()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var victim = await CallbackFlow.BeginAsync(portal);
        var code = provider.IssueCode(victim.CodeChallenge, victim.Nonce);

        using var response = await new CookieJar().SendAsync(portal, HttpMethod.Get, $"/signin-oidc?code={code}&state={Uri.EscapeDataString(victim.State)}");

        await ExpectRefusedAsync(app, response, SignInFailure.UnknownOrExpiredAttempt, "unknown or has expired");
    }

    [Fact]
    public async Task A_code_injected_from_another_attempt_fails_its_PKCE_check_at_the_provider()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var attacker = await CallbackFlow.BeginAsync(portal);
        var victim = await CallbackFlow.BeginAsync(portal);
        var attackersCode = provider.IssueCode(attacker.CodeChallenge, victim.Nonce);

        using var response = await victim.ReturnWithCodeAsync(portal, attackersCode);

        await ExpectRefusedAsync(app, response, SignInFailure.CodeRejectedByProvider, "refused to redeem");
        provider.IsOutstanding(attackersCode).Should().BeFalse("the portal did present the code, with the victim's verifier");
    }

    [Fact]
    public async Task A_provider_error_is_shown_as_a_refused_sign_in()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal);

        using var response = await flow.ReturnAsync(portal, $"error=access_denied&error_description=%3Cscript%3E&state={Uri.EscapeDataString(flow.State)}");

        await ExpectRefusedAsync(app, response, SignInFailure.ProviderError, "did not sign you in");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("<script>");
    }

    [Fact]
    public async Task A_response_naming_another_issuer_is_refused_as_a_mix_up()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal);
        var code = provider.IssueCode(flow.CodeChallenge, flow.Nonce);

        using var response = await flow.ReturnAsync(portal, $"code={code}&state={Uri.EscapeDataString(flow.State)}&iss=https%3A%2F%2Fother.example.org");

        await ExpectRefusedAsync(app, response, SignInFailure.WrongIssuer, "unexpected issuer");
    }

    [Fact]
    public async Task A_sign_in_that_cannot_be_audited_is_not_completed()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal);
        app.Audit.FailAppends = true;

        using var response = await flow.ReturnWithCodeAsync(portal, provider.IssueCode(flow.CodeChallenge, flow.Nonce));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway, app.Logs.Rejections);
        (await response.Content.ReadAsStringAsync()).Should().Contain("could not be recorded in the audit trail");
        flow.Jar.Cookies.Keys.Should().NotContain("__Host-portal.session");
        app.Logs.Lines.Should().Contain(line => line.Contains("Sign-in rejected: AuditUnavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_provider_gets_a_clear_page_instead_of_an_error()
    {
        var nowhere = ReviewerPortal.Tests.Infrastructure.LoopbackServer.FreePort();
        await using var app = new IdentityTestApp("Production", new Dictionary<string, string?>
        {
            ["Identity:Mode"] = "Oidc",
            ["Identity:Instance"] = $"http://127.0.0.1:{nowhere}/",
            ["Identity:TenantId"] = CraftedTokenProvider.TenantId,
            ["Identity:ClientId"] = "reviewer-portal",
            ["Identity:ClientSecret"] = "unused",
        });
        using var portal = app.CreateRawClient();

        using var response = await new CookieJar().SendAsync(portal, HttpMethod.Get, "/signin");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("could not be reached");
        app.Logs.Lines.Should().Contain(line => line.Contains("Sign-in rejected: ProviderUnreachable", StringComparison.Ordinal));
    }

    private static async Task ExpectRefusedAsync(IdentityTestApp app, HttpResponseMessage response, SignInFailure failure, string pageSays)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, html);
        html.Should().Contain("Sign-in failed").And.Contain(pageSays, app.Logs.Rejections);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith("__Host-portal.session=", StringComparison.Ordinal));
        app.Logs.Lines.Should().Contain(line => line.Contains($"Sign-in rejected: {failure}", StringComparison.Ordinal));
    }
}
