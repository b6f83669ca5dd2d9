using System.Net;
using ReviewerPortal.Tests.Identity;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Storage.DynamoDb;
using ReviewerPortal.Tests.Storage.S3;

namespace ReviewerPortal.Tests.Demo;

/// <summary>
/// The pages as each mode renders them: the demo-case and backfill buttons and the local event bus appear in Local
/// mode and nowhere in Aws mode (stores on moto), where the pages ask the demo service, not the mode.
/// </summary>
[Trait("Category", "Slow")]
public class DemoButtonsByModeTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string DemoButton = "Start urgent demo case";
    private const string BackfillButton = "Start draft backfill";
    private const string EventBus = "Events on the local event bus";

    [Fact]
    public async Task Local_mode_offers_demo_cases_on_the_queue_and_the_backfill_and_event_bus_on_operations()
    {
        await using var app = new PortalApp();

        var queue = await PageAsync(app, "persona-supervisor", "/");
        var operations = await PageAsync(app, "persona-operator", "/operations");

        queue.Should().Contain("Review queue").And.Contain(DemoButton);
        operations.Should().Contain(DemoButton).And.Contain(BackfillButton).And.Contain(EventBus);
    }

    [Fact]
    public async Task Aws_mode_shows_the_same_pages_without_demo_buttons_or_the_local_event_bus()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: false);
        var bucket = await DraftBucket.CreateAsync(moto.Url);
        await using var app = new AwsModePortalApp(AwsModeSettings.For(moto.Url, table.Name, bucket.Name));

        var queue = await PageAsync(app, "persona-supervisor", "/");
        var operations = await PageAsync(app, "persona-operator", "/operations");

        queue.Should().Contain("Review queue").And.NotContain(DemoButton);
        operations.Should().Contain("Workflow executions").And.NotContain(DemoButton).And.NotContain(BackfillButton).And.NotContain(EventBus);
    }

    /// <summary>The page as the server first renders it for a signed-in persona (the interactive circuit renders the same components).</summary>
    private static async Task<string> PageAsync(PortalApp app, string persona, string path)
    {
        using var client = app.CreateLoopbackClient();
        var session = await PersonaSignIn.SignInAsync(client, persona, path);
        using var response = await session.SendAsync(client, HttpMethod.Get, path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }
}
