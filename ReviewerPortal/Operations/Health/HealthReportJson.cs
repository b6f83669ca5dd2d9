using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReviewerPortal.Operations.Health;

/// <summary>
/// The JSON bodies of <c>/healthz</c> and <c>/readyz</c>. Monitors key on these names and values, so they stay as they
/// were before health checks: <c>{"status":"ready","checks":[{"name":"dynamodb","status":"ready","durationMs":12,"error":null}]}</c>.
/// </summary>
public static class HealthReportJson
{
    private const string Ready = "ready";
    private const string Unavailable = "unavailable";
    private const int MaxErrorLength = 300;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteLivenessAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The version and start time let an operator (or deploy/redeploy.sh) see which build answers.
        var build = context.RequestServices.GetRequiredService<PortalBuild>();
        return context.Response.WriteAsJsonAsync(new { status = "ok", version = build.Version, startedAt = build.StartedAt }, Json);
    }

    public static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var checks = report.Entries.Select(entry => new CheckResult(
            entry.Key,
            entry.Value.Status == HealthStatus.Healthy ? Ready : Unavailable,
            (long)entry.Value.Duration.TotalMilliseconds,
            ErrorOf(entry.Value))).ToList();
        return context.Response.WriteAsJsonAsync(new ReadinessReport(report.Status == HealthStatus.Healthy ? Ready : Unavailable, checks), Json);
    }

    private static string? ErrorOf(HealthReportEntry entry)
    {
        if (entry.Status == HealthStatus.Healthy)
        {
            return null;
        }

        var error = entry.Description ?? entry.Exception?.Message ?? entry.Status.ToString();
        return error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }

    private sealed record ReadinessReport(string Status, IReadOnlyList<CheckResult> Checks);

    private sealed record CheckResult(string Name, string Status, long DurationMs, string? Error);
}
