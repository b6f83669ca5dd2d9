using Amazon.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewerPortal.Tests.Storage;

/// <summary>Configuration that starts the portal in Aws mode against a local AWS-compatible server (moto).</summary>
public static class AwsModeSettings
{
    public static Dictionary<string, string?> For(Uri server, string tableName, string bucket) => new()
    {
        ["Portal:Mode"] = "Aws",
        ["Aws:Region"] = "us-east-1",
        ["Aws:TableName"] = tableName,
        ["Aws:DraftBucket"] = bucket,
        ["Aws:ServiceUrls:DynamoDb"] = server.ToString(),
        ["Aws:ServiceUrls:S3"] = server.ToString(),
        ["Aws:ServiceUrls:StepFunctions"] = server.ToString(),
    };

    /// <summary>Aws mode against a loopback port nothing listens on, without SDK retries: every dependency is down.</summary>
    public static Dictionary<string, string?> Unreachable()
    {
        var settings = For(new Uri($"http://127.0.0.1:{Infrastructure.LoopbackServer.FreePort()}"), "reviewer-portal-tasks", "reviewer-portal-drafts");
        settings["Aws:MaxErrorRetry"] = "0";
        return settings;
    }
}

/// <summary>
/// The portal in Aws mode with moto's dummy credentials registered in DI, so that no test changes the process's
/// environment (other tests rely on the default chain finding nothing).
/// </summary>
public class AwsModePortalApp(IDictionary<string, string?> settings) : Infrastructure.PortalApp(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("testing", "testing")));
    }
}
