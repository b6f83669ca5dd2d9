using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Operations.Health;

/// <summary>
/// <c>/healthz</c> (the process serves requests: the container's HEALTHCHECK) and <c>/readyz</c> (each dependency the
/// portal needs answers now: a failing one takes the instance out of the load balancer without a restart), both on
/// ASP.NET Core health checks. Each area registers the checks of its own dependencies with <see cref="AddReadinessCheck{TCheck}"/>.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag <c>/readyz</c> selects; <c>/healthz</c> runs no dependency check, so a slow table never restarts a task.</summary>
    public const string ReadinessTag = "ready";

    public static IServiceCollection AddReadinessCheck<TCheck>(this IServiceCollection services, string name)
        where TCheck : class, IHealthCheck
    {
        services.AddPortalHealthChecks().AddCheck<TCheck>(name, HealthStatus.Unhealthy, [ReadinessTag]);
        return services;
    }

    /// <summary>Health checks with every readiness check bounded by <c>Readiness:CheckTimeout</c>.</summary>
    public static IHealthChecksBuilder AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<ReadinessOptions>().BindConfiguration(ReadinessOptions.Section);
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<ReadinessOptions>>((health, readiness) =>
        {
            foreach (var registration in health.Registrations.Where(r => r.Tags.Contains(ReadinessTag)))
            {
                registration.Timeout = readiness.Value.CheckTimeout;
            }
        });
        return services.AddHealthChecks();
    }

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportJson.WriteLivenessAsync,
        }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadinessTag),
            ResponseWriter = HealthReportJson.WriteReadinessAsync,
        }).AllowAnonymous();
        return endpoints;
    }
}
