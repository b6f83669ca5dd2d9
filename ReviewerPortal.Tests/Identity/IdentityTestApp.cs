using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Identity;

/// <summary>
/// The portal on a real loopback socket (Chromium and the OIDC provider need one), with its own data folder,
/// configuration and environment, and every log line captured.
/// </summary>
public sealed class IdentityTestApp : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("identity-tests-").FullName;
    private IHost? _host;

    public IdentityTestApp(string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        _environment = environment;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Portal:DataDirectory"] = _dataDirectory,
        };
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Audit entries the application appended (also passed on to its real task store, when it has one).</summary>
    public RecordingAuditStore Audit { get; private set; } = new();

    /// <summary>The application's services (of the Kestrel host, not the placeholder test server).</summary>
    public IServiceProvider AppServices => Host.Services;

    public Uri BaseUri
    {
        get
        {
            var address = Host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    private IHost Host
    {
        get
        {
            _ = Server; // builds and starts the hosts
            return _host!;
        }
    }

    /// <summary>An HTTP client on the real socket that neither follows redirects nor keeps cookies: tests see every step.</summary>
    public HttpClient CreateRawClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUri };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            var real = services.LastOrDefault(s => s.ServiceType == typeof(IReviewTaskStore) && !s.IsKeyedService);
            if (real is null)
            {
                services.AddSingleton<IReviewTaskStore>(Audit);
                return;
            }

            services.Remove(real);
            services.AddSingleton<IReviewTaskStore>(provider => Audit = new RecordingAuditStore(Resolve(real, provider)));
        });
    }

    private static IReviewTaskStore Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IReviewTaskStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Run the real application on Kestrel; WebApplicationFactory still wants a TestServer, so it gets an empty one.
        builder.ConfigureWebHost(web => web.UseKestrel().UseUrls("http://127.0.0.1:0"));
        _host = builder.Build();
        _host.Start();
        var placeholder = new HostBuilder().ConfigureWebHost(web => web.UseTestServer().Configure(_ => { })).Build();
        placeholder.Start();
        return placeholder;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _host?.StopAsync().GetAwaiter().GetResult();
            _host?.Dispose();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
