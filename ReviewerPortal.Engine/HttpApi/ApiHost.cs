using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ReviewerPortal.StepFunctions;

namespace ReviewerPortal.Engine.HttpApi;

/// <summary>
/// Runs the Step Functions API on its own Kestrel listener, apart from the portal's pages, so that no portal sign-in,
/// cookies or antiforgery apply to it. A listener that cannot start (the port is taken) is logged, and the portal runs on.
/// </summary>
public sealed partial class ApiHost(
    IServiceProvider services, IOptions<ApiOptions> options, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ApiHost>();
    private WebApplication? _app;

    private WebApplication Build(string url, IAmazonStepFunctions api)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(url);
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(api);
        if (options.Value.HasCredentials)
        {
            builder.Services.AddSingleton(new SignatureVerifier(options.Value.ApiAccessKeyId!, options.Value.ApiSecretAccessKey!, TimeProvider.System));
        }

        builder.Services.AddSingleton<ApiEndpoint>();
        return builder.Build();
    }

    /// <summary>The address the API listens on once started (the real port when the option asked for port 0); null when not serving.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.ApiUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (services.GetService<IAmazonStepFunctions>() is not { } api)
        {
            LogNoEngine(_logger);
            return;
        }

        // Anyone who can reach the API can start and stop executions and complete review gates: beyond loopback it
        // serves only callers that sign with the configured key.
        if (!IsLoopback(url) && !options.Value.HasCredentials)
        {
            LogRefusedNotLoopback(_logger, url);
            return;
        }

        // Built outside the portal's execution context. Every host build is announced on the process-wide
        // "Microsoft.Extensions.Hosting" diagnostic listener, and whoever watches the portal's own start through it
        // (WebApplicationFactory, dotnet-ef and other tools, filtering by an async-local) would otherwise take this
        // inner listener for the portal's host and apply the portal's configuration to it.
        Task<WebApplication> building;
        using (ExecutionContext.SuppressFlow())
        {
            building = Task.Run(() => Build(url, api), cancellationToken);
        }

        var app = await building.ConfigureAwait(false);
        var endpoint = app.Services.GetRequiredService<ApiEndpoint>();
        app.Run(endpoint.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            LogCannotListen(_logger, e, url);
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? url;
        Address = new Uri(bound);
        LogListening(_logger, Address, options.Value.HasCredentials ? "checked against LocalEngine:ApiAccessKeyId" : "not checked (loopback only)");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    /// <summary>Loopback addresses and <c>localhost</c>; wildcards (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>) and names are not.</summary>
    internal static bool IsLoopback(string url)
    {
        var host = url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal);
        return Uri.TryCreate(host, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Step Functions API (JSON 1.0) listening on {Address}; signatures {Signatures}")]
    private static partial void LogListening(ILogger logger, Uri address, string signatures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Step Functions API not served: {Url} is beyond loopback and LocalEngine:ApiAccessKeyId / LocalEngine:ApiSecretAccessKey are not set")]
    private static partial void LogRefusedNotLoopback(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step Functions API not served: cannot listen on {Url} (is the port taken? set LocalEngine:ApiUrl)")]
    private static partial void LogCannotListen(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step Functions API not served: no Step Functions engine is registered")]
    private static partial void LogNoEngine(ILogger logger);
}
