namespace ReviewerPortal.Operations;

/// <summary>Liveness for the container's HEALTHCHECK and the load balancer: the process serves requests.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        return endpoints;
    }
}
