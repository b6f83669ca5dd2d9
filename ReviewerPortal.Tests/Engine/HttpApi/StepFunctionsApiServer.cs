using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>The JSON 1.0 API host of Local mode, serving the given <see cref="IAmazonStepFunctions"/> on a free loopback port.</summary>
public sealed class StepFunctionsApiServer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly StepFunctionsApiHost _host;

    private StepFunctionsApiServer(ServiceProvider services, StepFunctionsApiHost host)
    {
        _services = services;
        _host = host;
    }

    public Uri Address => _host.Address!;

    /// <param name="options">The API's options (credentials, address); a free loopback port without credentials by default.</param>
    public static async Task<StepFunctionsApiServer> StartAsync(IAmazonStepFunctions api, StepFunctionsApiOptions? options = null)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(api)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options ?? new StepFunctionsApiOptions { ApiUrl = "http://127.0.0.1:0" }))
            .AddSingleton<StepFunctionsApiHost>()
            .BuildServiceProvider();
        var host = services.GetRequiredService<StepFunctionsApiHost>();
        await host.StartAsync(CancellationToken.None);
        host.Address.Should().NotBeNull("the API must listen");
        return new StepFunctionsApiServer(services, host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
