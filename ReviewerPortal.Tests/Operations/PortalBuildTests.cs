using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReviewerPortal.Tests.Identity;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;

namespace ReviewerPortal.Tests.Operations;

/// <summary>An operator sees which build answers (version and start time) in /healthz and on Operations; a clinician sees which dependency is down.</summary>
[Trait("Category", "Slow")]
public partial class PortalBuildTests
{
    [Fact]
    public async Task Healthz_and_the_operations_page_show_the_configured_version_and_the_start_time()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Portal:Version"] = "2026.12.07-r42" });
        using var client = app.CreateLoopbackClient();

        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        var session = await PersonaSignIn.SignInAsync(client, "persona-operator", "/operations");
        using var page = await session.SendAsync(client, HttpMethod.Get, "/operations");
        var html = await page.Content.ReadAsStringAsync();

        health.RootElement.GetProperty("status").GetString().Should().Be("ok");
        health.RootElement.GetProperty("version").GetString().Should().Be("2026.12.07-r42");
        var started = health.RootElement.GetProperty("startedAt").GetDateTimeOffset();
        started.Should().BeBefore(DateTimeOffset.UtcNow).And.BeAfter(DateTimeOffset.UtcNow.AddHours(-6));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Version 2026.12.07-r42, started ");
    }

    [Fact]
    public async Task With_the_task_table_unreachable_sign_in_shows_a_page_naming_the_dependency_that_is_down()
    {
        var settings = AwsModeSettings.Unreachable();
        settings["Aws:RequestTimeout"] = "00:00:02";
        await using var app = new AwsModePortalApp(settings);
        using var client = app.CreateLoopbackClient();
        var jar = new CookieJar();
        using var picker = await jar.SendAsync(client, HttpMethod.Get, "/signin/personas?returnUrl=%2F");
        var token = AntiforgeryField().Match(await picker.Content.ReadAsStringAsync()).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "persona",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["PersonaId"] = "persona-clinician",
        });

        // Signing in writes the audit trail to the table, which does not answer.
        using var signIn = await jar.SendAsync(client, HttpMethod.Post, "/signin/personas?returnUrl=%2F", form);
        var html = WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync());

        html.Should().Contain("The portal cannot reach the review-task table (DynamoDB) right now").And.NotContain("This page ran into a problem");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
