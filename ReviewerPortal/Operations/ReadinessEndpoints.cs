using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Operations;

/// <summary>
/// <c>/readyz</c>: whether this instance can serve users now, with each dependency reported on its own. Unlike
/// <c>/healthz</c> (the process runs), a failing readiness takes the instance out of the load balancer without a restart.
/// </summary>
public static partial class ReadinessEndpoints
{
    public static IServiceCollection AddReadinessCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, IReadinessCheck
    {
        services.AddOptions<ReadinessOptions>().BindConfiguration(ReadinessOptions.Section);
        services.AddSingleton<IReadinessCheck, TCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapReadinessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/readyz", CheckAllAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> CheckAllAsync(
        IEnumerable<IReadinessCheck> checks,
        IOptions<ReadinessOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ReadinessEndpoints));
        var timeout = options.Value.CheckTimeout;
        var results = await Task.WhenAll(checks.Select(check => RunAsync(check, timeout, logger, cancellationToken))).ConfigureAwait(false);
        var ready = results.All(r => r.Status == ReadyStatus);
        return Results.Json(
            new ReadinessReport(ready ? ReadyStatus : UnavailableStatus, results),
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private const string ReadyStatus = "ready";
    private const string UnavailableStatus = "unavailable";

    private static async Task<CheckResult> RunAsync(IReadinessCheck check, TimeSpan timeout, ILogger logger, CancellationToken requestAborted)
    {
        var started = Stopwatch.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        limit.CancelAfter(timeout);
        string? error = null;
        try
        {
            await check.CheckAsync(limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            error = $"no answer within {timeout.TotalSeconds:0.#} s";
        }
#pragma warning disable CA1031 // any failure of a dependency is reported, never thrown at the load balancer
        catch (Exception e) when (!requestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            error = e.Message.Length > 300 ? e.Message[..300] : e.Message;
        }

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (error is not null)
        {
            LogNotReady(logger, check.Name, error);
        }

        return new CheckResult(check.Name, error is null ? ReadyStatus : UnavailableStatus, elapsed, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check {Check} failed: {Error}")]
    private static partial void LogNotReady(ILogger logger, string check, string error);

    private sealed record ReadinessReport(string Status, IReadOnlyList<CheckResult> Checks);

    private sealed record CheckResult(string Name, string Status, long DurationMs, string? Error);
}
