using System.Net;
using System.Text.Json;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Storage.DynamoDb;
using ReviewerPortal.Tests.Storage.S3;

namespace ReviewerPortal.Tests.Operations;

[Trait("Category", "Slow")]
public class ReadinessEndpointsTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task In_aws_mode_each_dependency_is_reported_ready_on_its_own()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var bucket = await DraftBucket.CreateAsync(moto.Url);
        var settings = AwsModeSettings.For(moto.Url, table.Name, bucket.Name);
        settings["Readiness:CheckTimeout"] = "00:00:20"; // a loaded test machine is slow, not unready
        await using var app = new AwsModePortalApp(settings);

        var (status, checks) = await ReadyzAsync(app);

        status.Should().Be(HttpStatusCode.OK, string.Join(", ", checks));
        checks.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["dynamodb"] = "ready",
            ["s3"] = "ready",
            ["stepfunctions"] = "ready",
        });
    }

    [Fact]
    public async Task A_missing_table_makes_the_portal_unready_and_names_only_that_dependency_while_it_stays_healthy()
    {
        var bucket = await DraftBucket.CreateAsync(moto.Url);
        var settings = AwsModeSettings.For(moto.Url, "no-such-table", bucket.Name);
        settings["Readiness:CheckTimeout"] = "00:00:20";
        await using var app = new AwsModePortalApp(settings);
        using var http = app.CreateLoopbackClient();

        var (status, checks) = await ReadyzAsync(app);
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        checks["dynamodb"].Should().Be("unavailable");
        checks["s3"].Should().Be("ready");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_within_the_check_timeout()
    {
        var settings = AwsModeSettings.Unreachable();
        settings["Readiness:CheckTimeout"] = "00:00:02";
        await using var app = new AwsModePortalApp(settings);

        var (status, checks) = await ReadyzAsync(app);

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        checks.Values.Should().AllBe("unavailable");
    }

    [Fact]
    public async Task In_local_mode_the_task_store_the_draft_folder_and_the_local_engine_are_reported()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Readiness:CheckTimeout"] = "00:00:20" });

        var (status, checks) = await ReadyzAsync(app);

        status.Should().Be(HttpStatusCode.OK, string.Join(", ", checks));
        checks.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["tasks"] = "ready",
            ["drafts"] = "ready",
            ["stepfunctions"] = "ready",
        });
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyzAsync(PortalApp app)
    {
        using var http = app.CreateLoopbackClient();
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
