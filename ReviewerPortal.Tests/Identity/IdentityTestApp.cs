using Amazon.Runtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewerPortal.Audit;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Identity;

/// <summary>
/// The portal (<see cref="PortalApp"/>) in a chosen environment, with every log line captured and a copy of every
/// audit entry it appends to its real audit trail.
/// </summary>
/// <param name="clock">Replaces the application's clock (sessions, ID token lifetimes, key refresh) when given.</param>
public sealed class IdentityTestApp(string environment = "Development", IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : PortalApp(settings)
{
    private readonly bool _sharedKeyRing = settings?.ContainsKey("Identity:KeyRing") == true;
    private readonly bool _awsMode = settings?.TryGetValue("Portal:Mode", out var mode) == true && mode == "Aws";

    public CapturedLogs Logs { get; } = new();

    /// <summary>Audit entries the application appended (also written to its audit trail).</summary>
    public RecordingAuditTrail Audit { get; private set; } = new();

    public Uri BaseUri => BaseAddress;

    public IServiceProvider AppServices => Services;

    /// <summary>An HTTP client on the real socket that neither follows redirects nor keeps cookies: tests see every step.</summary>
    public HttpClient CreateRawClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        // Outside Development, package assets (_content/…) are served only from a published app; the tests run the build output.
        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services =>
        {
            var real = services.Last(s => s.ServiceType == typeof(IAuditTrail) && !s.IsKeyedService);
            services.Remove(real);
            services.AddSingleton<IAuditTrail>(provider => Audit = new RecordingAuditTrail(Resolve(real, provider)));
            // Each app keeps its own cookie keys, as separate containers would, unless the test shares a key ring.
            if (!_sharedKeyRing)
            {
                services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory.Path, "keys")));
            }

            if (_awsMode)
            {
                // moto's dummy credentials, as AwsModePortalApp registers them (no test changes the process environment).
                services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("testing", "testing"));
            }

            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }

    private static IAuditTrail Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IAuditTrail)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
