using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using ReviewerPortal.Identity;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>ID tokens that must not sign anybody in, each answered with a clear page and a log line without token contents.</summary>
[Trait("Category", "Slow")]
public class IdTokenRejectionTests
{
    [Fact]
    public async Task A_valid_token_signs_the_user_in_and_returns_them_where_they_started()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal, returnUrl: "/?queue=urgent");

        using var response = await flow.ReturnWithCodeAsync(portal, provider.IssueCode(flow.CodeChallenge, flow.Nonce));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, app.Logs.Rejections);
        response.Headers.Location!.OriginalString.Should().Be("/?queue=urgent");
        app.Logs.Lines.Should().Contain(line => line.Contains("Signed in user crafted-oid", StringComparison.Ordinal));
        flow.Jar.Cookies.Should().ContainKey("__Host-portal.session");
        flow.Jar.LastSetCookies.Single(c => c.StartsWith("__Host-portal.session=", StringComparison.Ordinal))
            .Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
        app.Audit.Entries.Should().ContainSingle(e => e.ActorId == "crafted-oid" && e.ActorName == "Dr. Crafted Token");
    }

    [Fact]
    public async Task A_tampered_token_is_rejected_for_its_signature()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        provider.IdToken = nonce => Tamper(provider.Sign(provider.ValidClaims(nonce)), "name", "Dr. Someone Else");

        await ExpectRejectedAsync(provider, SignInFailure.InvalidSignature, "signature is not valid");
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_provider_never_published_is_rejected()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        provider.IdToken = nonce => provider.Sign(provider.ValidClaims(nonce), ("key-1", stranger));

        await ExpectRejectedAsync(provider, SignInFailure.InvalidSignature, "signature is not valid");
    }

    [Fact]
    public async Task An_unsigned_token_is_rejected()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        provider.IdToken = nonce =>
            Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(provider.ValidClaims(nonce))) + ".";

        await ExpectRejectedAsync(provider, SignInFailure.InvalidSignature, "signature is not valid");
    }

    [Fact]
    public async Task A_token_for_another_application_is_rejected_for_its_audience()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        provider.IdToken = nonce => provider.Sign(With(provider.ValidClaims(nonce), "aud", "some-other-app"));

        await ExpectRejectedAsync(provider, SignInFailure.WrongAudience, "issued for a different application");
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        provider.IdToken = nonce => provider.Sign(With(provider.ValidClaims(nonce), "iss", "https://login.example.org/evil/v2.0"));

        await ExpectRejectedAsync(provider, SignInFailure.WrongIssuer, "unexpected issuer");
    }

    [Fact]
    public async Task An_expired_token_is_rejected_beyond_the_clock_skew()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        provider.IdToken = nonce => provider.Sign(With(With(With(provider.ValidClaims(nonce), "iat", now - 900), "nbf", now - 900), "exp", now - 300));

        await ExpectRejectedAsync(provider, SignInFailure.ExpiredIdToken, "has expired");
    }

    [Fact]
    public async Task A_token_that_expired_within_the_clock_skew_is_accepted()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        provider.IdToken = nonce => provider.Sign(With(With(With(provider.ValidClaims(nonce), "iat", now - 600), "nbf", now - 600), "exp", now - 30));
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal);

        using var response = await flow.ReturnWithCodeAsync(portal, provider.IssueCode(flow.CodeChallenge, flow.Nonce));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, app.Logs.Rejections);
    }

    [Fact]
    public async Task A_token_minted_for_another_sign_in_attempt_is_rejected_for_its_nonce()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        provider.IdToken = nonce => provider.Sign(With(provider.ValidClaims(nonce), "nonce", "nonce-of-another-attempt"));

        await ExpectRejectedAsync(provider, SignInFailure.NonceMismatch, "nonce mismatch");
    }

    [Fact]
    public async Task After_a_key_rotation_the_first_token_with_the_new_key_makes_the_portal_fetch_the_keys_again_and_the_next_sign_in_succeeds()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var first = await CallbackFlow.BeginAsync(portal);
        using (var signedIn = await first.ReturnWithCodeAsync(portal, provider.IssueCode(first.CodeChallenge, first.Nonce)))
        {
            signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, app.Logs.Rejections);
        }

        provider.JwksRequests.Should().Be(1, "keys are cached");
        provider.RotateKey();
        // The handler refuses a token whose key it has not seen and asks for fresh keys (Entra publishes new keys well
        // before signing with them, so users do not meet this); the refusal is a plain page, and the retry works.
        var second = await CallbackFlow.BeginAsync(portal);
        using (var refused = await second.ReturnWithCodeAsync(portal, provider.IssueCode(second.CodeChallenge, second.Nonce)))
        {
            refused.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
        }

        var third = await CallbackFlow.BeginAsync(portal);
        using var response = await third.ReturnWithCodeAsync(portal, provider.IssueCode(third.CodeChallenge, third.Nonce));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, app.Logs.Rejections);
        provider.JwksRequests.Should().Be(2);
    }

    [Fact]
    public async Task Tokens_naming_unknown_keys_do_not_make_the_portal_fetch_keys_on_every_attempt()
    {
        await using var provider = await CraftedTokenProvider.StartAsync();
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        provider.IdToken = nonce => provider.Sign(provider.ValidClaims(nonce), ("unknown-key", stranger));
        await using var app = new IdentityTestApp("Production", provider.PortalSettings());
        using var portal = app.CreateRawClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var flow = await CallbackFlow.BeginAsync(portal);
            using var response = await flow.ReturnWithCodeAsync(portal, provider.IssueCode(flow.CodeChallenge, flow.Nonce));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        provider.JwksRequests.Should().BeLessThanOrEqualTo(2, "discovery and keys are fetched once, then refreshes are rate-limited");
    }

    /// <summary>Runs one attempt whose token is bad; checks the page, the log line, and that nobody was signed in.</summary>
    internal static async Task ExpectRejectedAsync(
        CraftedTokenProvider provider, SignInFailure failure, string pageSays, Dictionary<string, string?>? settings = null)
    {
        await using var app = new IdentityTestApp("Production", settings ?? provider.PortalSettings());
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal);
        string? token = null;
        var craft = provider.IdToken;
        provider.IdToken = nonce => token = craft(nonce);

        using var response = await flow.ReturnWithCodeAsync(portal, provider.IssueCode(flow.CodeChallenge, flow.Nonce));

        await ExpectProblemPageAsync(app, flow, response, failure, pageSays);
        token.Should().NotBeNull("the portal redeemed the code and saw the crafted token");
        app.Logs.All.Should().NotContain(token!.Split('.')[1], "no token contents in logs");
    }

    internal static async Task ExpectProblemPageAsync(
        IdentityTestApp app, CallbackFlow flow, HttpResponseMessage response, SignInFailure failure, string pageSays)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, html);
        html.Should().Contain("Sign-in failed").And.Contain(pageSays, app.Logs.Rejections);
        flow.Jar.Cookies.Keys.Should().NotContain("__Host-portal.session");
        app.Audit.Entries.Should().BeEmpty();
        app.Logs.Lines.Should().Contain(line => line.Contains($"Sign-in rejected: {failure}", StringComparison.Ordinal));
        app.Logs.All.Should().NotContain(flow.State).And.NotContain(flow.Nonce);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value)
    {
        claims[name] = value;
        return claims;
    }

    private static string Tamper(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload[claim] = JsonSerializer.SerializeToElement(value);
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)));
        return string.Join('.', parts);
    }
}
