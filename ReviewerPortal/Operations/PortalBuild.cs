using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Operations;

/// <summary>Which build of the portal this process runs and since when, so an operator can see that a redeploy took.</summary>
public sealed class PortalBuild(IOptions<PortalOptions> options)
{
    public string Version { get; } = string.IsNullOrWhiteSpace(options.Value.Version) ? AssemblyVersion() : options.Value.Version.Trim();

    /// <summary>When this process started (UTC): a task replaced by a redeploy shows a new time even for the same tag.</summary>
    public DateTimeOffset StartedAt { get; } = new(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);

    private static string AssemblyVersion() =>
        typeof(PortalBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
