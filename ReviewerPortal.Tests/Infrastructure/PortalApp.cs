using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// The real portal on a real loopback socket (Kestrel on <c>127.0.0.1:0</c>), for browsers and HTTP clients. Each test
/// owns one: <c>await using var app = new PortalApp();</c>. Local mode, Development environment, a fresh temp data
/// directory, demo seeding off unless asked for; <see cref="PortalApp(IDictionary{string, string?})"/> overrides any
/// configuration key.
/// </summary>
/// <remarks>
/// WebApplicationFactory insists on an in-memory TestServer, so the portal itself runs in a Kestrel host built from the
/// factory's builder, and the factory gets an empty TestServer host that answers 421 to point callers at
/// <see cref="BaseAddress"/> / <see cref="CreateLoopbackClient"/>. One portal instance runs, so hosted services
/// (seeders, engines, reconcilers) run once.
/// </remarks>
public class PortalApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly StartupFailureLog _startupFailures = new();
    private IHost? _portal;
    private bool _portalStarted;
    private Uri? _baseAddress;

    public PortalApp(IDictionary<string, string?>? settings = null)
    {
        DataDirectory = new TempDirectory("reviewer-portal-app");
        _settings = new Dictionary<string, string?>
        {
            ["Portal:Mode"] = "Local",
            ["Portal:DataDirectory"] = DataDirectory.Path,
            ["Demo:SeedOnStart"] = "false",

            // No local Step Functions API unless a test asks for one (then on port 0, never 8083, which a developer's
            // own portal may hold): one listener fewer to start and stop for each of the many test portals.
            ["LocalEngine:ApiUrl"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The temp folder behind <c>Portal:DataDirectory</c>, deleted with the app.</summary>
    public TempDirectory DataDirectory { get; }

    /// <summary>Where the portal listens, e.g. <c>http://127.0.0.1:40123/</c>; starts it on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            _ = Server; // starts the hosts
            return _baseAddress!;
        }
    }

    /// <summary>The running portal's services (stores, change fan-out, …).</summary>
    public override IServiceProvider Services
    {
        get
        {
            _ = Server;
            return _portal!.Services;
        }
    }

    /// <summary>An HTTP client for the real socket; redirects are not followed so tests see them.</summary>
    public HttpClient CreateLoopbackClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public T GetRequiredService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: package static assets (_content/…) are served from the build output, as with `dotnet run`.
        builder.UseEnvironment(Environments.Development);
        builder.ConfigureLogging(logging => logging.AddProvider(_startupFailures));
        foreach (var (key, value) in _settings)
        {
            // UseSetting reaches Program before the builder is built, where the mode is read.
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureWebHost(web => web.UseKestrel().UseUrls("http://127.0.0.1:0"));
        _portal = builder.Build();
        try
        {
            _portal.Start();
            _portalStarted = true;
        }
        catch (ObjectDisposedException) when (StartupFailure(_portal) is { } failure)
        {
            // Rethrown as it is, so a test sees the same exception whichever way the race went.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        var addresses = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        _baseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");

        var placeholder = new HostBuilder()
            .ConfigureWebHost(web => web.UseTestServer().Configure(app => app.Run(async context =>
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                await context.Response.WriteAsync($"The portal under test listens on {_baseAddress}: use PortalApp.CreateLoopbackClient().");
            })))
            .Build();
        placeholder.Start();
        return placeholder;
    }

    /// <summary>
    /// Why the portal failed to start, when it disposed itself before the factory asked (a race in the factory's
    /// deferred host: the app's own Run starts, fails and disposes the host while the factory's Start is on its way).
    /// The entry point's exception is still in the deferred host's completion source; the log keeps it too.
    /// </summary>
    private Exception? StartupFailure(IHost host)
    {
        var completion = host.GetType()
            .GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            .Select(field => field.GetValue(host))
            .OfType<TaskCompletionSource>()
            .FirstOrDefault();
        if (completion is not null)
        {
            // Completes (faulted) as soon as the entry point has finished failing.
            ((IAsyncResult)completion.Task).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5));
            if (completion.Task.Exception is { } failed)
            {
                return failed.InnerExceptions.Count == 1 ? failed.InnerException : failed;
            }
        }

        return _startupFailures.Failure;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_portal is not null)
        {
            // A host whose start failed cannot be stopped (.NET 10 throws on its missing hosted services), only disposed.
            if (_portalStarted)
            {
                await _portal.StopAsync();
            }

            _portal.Dispose();
        }

        SqliteConnection.ClearAllPools();
        DataDirectory.Dispose();
        GC.SuppressFinalize(this);
    }
}
