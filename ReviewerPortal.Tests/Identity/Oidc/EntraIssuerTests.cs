using System.Net;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>
/// Entra's multi-tenant authority (<c>…/organizations/v2.0</c>) publishes <c>{instance}{tenantid}/v2.0</c> as its issuer;
/// Identity.Web checks the token's issuer against it with the token's <c>tid</c>, the portal lets only allowed tenants in.
/// </summary>
[Trait("Category", "Slow")]
public class EntraIssuerTests
{
    private const string Hospital = "7c4ab3c2-0d6c-4b7e-9b55-2f5a3f0c1a11";

    [Fact]
    public async Task A_token_from_an_allowed_tenant_is_accepted_with_its_tenant_specific_issuer()
    {
        await using var provider = await EntraLikeProviderAsync(Hospital, Hospital);
        await using var app = new IdentityTestApp("Production", Settings(provider));
        using var portal = app.CreateRawClient();
        var flow = await CallbackFlow.BeginAsync(portal);

        using var response = await flow.ReturnWithCodeAsync(portal, provider.IssueCode(flow.CodeChallenge, flow.Nonce));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, app.Logs.Rejections);
    }

    [Fact]
    public async Task A_token_from_a_tenant_that_is_not_allowed_is_rejected_for_its_issuer()
    {
        await using var provider = await EntraLikeProviderAsync("0bad0bad-0000-4000-8000-000000000000", "0bad0bad-0000-4000-8000-000000000000");

        await IdTokenRejectionTests.ExpectRejectedAsync(provider, SignInFailure.WrongIssuer, "unexpected issuer", Settings(provider));
    }

    [Fact]
    public async Task A_token_whose_issuer_names_another_tenant_than_its_tid_is_rejected()
    {
        await using var provider = await EntraLikeProviderAsync(issuerTenant: "0bad0bad-0000-4000-8000-000000000000", tid: Hospital);

        await IdTokenRejectionTests.ExpectRejectedAsync(provider, SignInFailure.WrongIssuer, "unexpected issuer", Settings(provider));
    }

    private static async Task<CraftedTokenProvider> EntraLikeProviderAsync(string issuerTenant, string tid)
    {
        var provider = await CraftedTokenProvider.StartAsync();
        provider.AuthorityTenant = "organizations";
        provider.PublishedIssuer = provider.Instance + "{tenantid}/v2.0";
        provider.IdToken = nonce =>
        {
            var claims = provider.ValidClaims(nonce);
            claims["iss"] = provider.Instance + issuerTenant + "/v2.0";
            claims["tid"] = tid;
            return provider.Sign(claims);
        };
        return provider;
    }

    private static Dictionary<string, string?> Settings(CraftedTokenProvider provider)
    {
        var settings = provider.PortalSettings();
        settings["Identity:AllowedTenants:0"] = Hospital;
        return settings;
    }
}
