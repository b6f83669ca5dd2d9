using Microsoft.Playwright;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Infrastructure;

[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class PortalAppTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task The_portal_answers_health_checks_on_a_real_loopback_socket()
    {
        await using var app = new PortalApp();
        using var http = app.CreateLoopbackClient();

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        app.BaseAddress.Host.Should().Be("127.0.0.1");
        app.BaseAddress.Port.Should().BePositive();
        response.IsSuccessStatusCode.Should().BeTrue();
    }

    [Fact]
    public async Task Configuration_overrides_reach_the_portal()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Portal:MaxDraftBytes"] = "1234" });

        var options = app.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;

        options.MaxDraftBytes.Should().Be(1234);
        options.DataDirectory.Should().Be(app.DataDirectory.Path);
        app.GetRequiredService<IReviewTaskStore>().Should().NotBeNull();
    }

    [Fact]
    public async Task A_draft_size_limit_that_is_not_positive_stops_the_start_with_a_plain_message()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Portal:MaxDraftBytes"] = "0" });

        var start = () => app.BaseAddress;

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*Portal:MaxDraftBytes must be a positive*");
    }

    [Fact]
    public async Task Chromium_loads_the_portal_with_its_package_static_assets()
    {
        await using var app = new PortalApp();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        var response = await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        response!.Ok.Should().BeTrue();
        failed.Should().BeEmpty();
        await page.Context.CloseAsync();
    }
}
