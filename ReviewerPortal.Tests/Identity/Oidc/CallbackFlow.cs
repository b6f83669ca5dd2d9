using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace ReviewerPortal.Tests.Identity.Oidc;

/// <summary>
/// One sign-in attempt driven over HTTP: the portal's redirect to the provider (read for state, nonce and PKCE
/// challenge), then the provider's redirect back, as a browser would follow them.
/// </summary>
public sealed class CallbackFlow
{
    private CallbackFlow(CookieJar jar, string state, string nonce, string codeChallenge, Uri authorizeUri)
    {
        Jar = jar;
        State = state;
        Nonce = nonce;
        CodeChallenge = codeChallenge;
        AuthorizeUri = authorizeUri;
    }

    public CookieJar Jar { get; }

    public string State { get; }

    public string Nonce { get; }

    public string CodeChallenge { get; }

    public Uri AuthorizeUri { get; }

    public static async Task<CallbackFlow> BeginAsync(HttpClient portal, CookieJar? jar = null, string returnUrl = "/")
    {
        ArgumentNullException.ThrowIfNull(portal);
        jar ??= new CookieJar();
        using var response = await jar.SendAsync(portal, HttpMethod.Get, "/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var authorize = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        return new CallbackFlow(jar, query["state"]!, query["nonce"]!, query["code_challenge"]!, authorize);
    }

    /// <summary>The provider's redirect back to the portal with <paramref name="query"/>.</summary>
    public Task<HttpResponseMessage> ReturnAsync(HttpClient portal, string query) =>
        Jar.SendAsync(portal, HttpMethod.Get, "/signin-oidc?" + query);

    public Task<HttpResponseMessage> ReturnWithCodeAsync(HttpClient portal, string code) =>
        ReturnAsync(portal, $"code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(State)}");
}
