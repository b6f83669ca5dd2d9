using System.Net;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Tests.Identity;

/// <summary>Signs in as a Development persona the way the browser does: load the picker, post the form with its antiforgery token.</summary>
public static partial class PersonaSignIn
{
    public static async Task<CookieJar> SignInAsync(HttpClient client, string personaId, string returnUrl = "/")
    {
        ArgumentNullException.ThrowIfNull(client);
        var jar = new CookieJar();
        var picker = "/signin/personas?returnUrl=" + Uri.EscapeDataString(returnUrl);
        using var page = await jar.SendAsync(client, HttpMethod.Get, picker);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        token.Should().NotBeEmpty("the persona picker carries an antiforgery token");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "persona",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["PersonaId"] = personaId,
        });
        using var response = await jar.SendAsync(client, HttpMethod.Post, picker, form);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        // The portal's front door sends each role to its own start page; any other return URL is kept.
        var persona = ReviewerPortal.Identity.Development.DevelopmentPersonas.Find(personaId);
        var expected = returnUrl == "/" && persona is not null ? ReviewerPortal.Identity.StartPages.RoleStartPage(persona.Role) : returnUrl;
        new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery.Should().Be(expected);
        return jar;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
