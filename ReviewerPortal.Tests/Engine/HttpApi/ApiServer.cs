using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>The JSON 1.0 API host of Local mode, serving the given <see cref="IAmazonStepFunctions"/> on a free loopback port.</summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ApiHost _host;

    private ApiServer(ServiceProvider services, ApiHost host)
    {
        _services = services;
        _host = host;
    }

    public Uri Address => _host.Address!;

    /// <param name="options">The API's options (credentials, address); a free loopback port without credentials by default.</param>
    public static async Task<ApiServer> StartAsync(IAmazonStepFunctions api, ApiOptions? options = null)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(api)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options ?? new ApiOptions { ApiUrl = "http://127.0.0.1:0" }))
            .AddSingleton<ApiHost>()
            .BuildServiceProvider();
        var host = services.GetRequiredService<ApiHost>();
        await host.StartAsync(CancellationToken.None);
        host.Address.Should().NotBeNull("the API must listen");
        return new ApiServer(services, host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
