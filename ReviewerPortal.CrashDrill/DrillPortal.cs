using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace ReviewerPortal.CrashDrill;

/// <summary>
/// The portal as <c>dotnet run</c> composes it (Local mode: SQLite task store, durable engine, reconciler), on an
/// in-memory server: the drill needs its services, not a browser.
/// </summary>
internal sealed class DrillPortal(string dataDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("Portal:Mode", "Local");
        builder.UseSetting("Portal:DataDirectory", dataDirectory);
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("LocalEngine:ApiUrl", "");

        // After a kill, whatever was left in DECIDING is finished at once, not after the production grace period.
        builder.UseSetting("Review:Decisions:ReconcileGrace", "00:00:00");
        builder.UseSetting("Review:Decisions:ReconcileInterval", "00:00:01");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
