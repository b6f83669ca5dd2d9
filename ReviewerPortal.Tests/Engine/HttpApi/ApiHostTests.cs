using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.StepFunctions;

namespace ReviewerPortal.Tests.Engine.HttpApi;

[Trait("Category", "Slow")]
public class ApiHostTests
{
    [Fact]
    public async Task The_portal_in_Local_mode_serves_its_engine_on_a_separate_loopback_listener_without_sign_in()
    {
        await using var portal = new PortalApp(new Dictionary<string, string?> { ["LocalEngine:ApiUrl"] = "http://127.0.0.1:0" });
        var host = portal.GetRequiredService<ApiHost>();
        var engine = portal.GetRequiredService<IAmazonStepFunctions>();

        host.Address.Should().NotBeNull();
        host.Address!.Host.Should().Be("127.0.0.1");
        host.Address.Port.Should().NotBe(portal.BaseAddress.Port);
        var created = await engine.CreateStateMachineAsync(new() { Name = "from-the-portal", Definition = EngineOverHttp.PassDefinition, RoleArn = EngineOverHttp.RoleArn });

        // No cookie, no antiforgery token: SigV4 headers from any AWS client are all it takes.
        var listed = await TestClients.StepFunctions(host.Address).ListStateMachinesAsync(new());

        listed.StateMachines.Should().Contain(m => m.StateMachineArn == created.StateMachineArn);
    }

    [Fact]
    public async Task A_taken_port_is_logged_and_leaves_the_rest_of_the_application_running()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        await using var engine = EngineHarness.InMemory();
        var logs = new CapturedLogs();

        var (services, host) = await StartHostAsync(engine.Api, url, logs);
        await using var disposeServices = services;

        host.Address.Should().BeNull();
        logs.Messages.Should().Contain(m => m.Contains("not served", StringComparison.Ordinal) && m.Contains(url, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    public async Task Without_credentials_the_API_refuses_to_listen_beyond_loopback(string url)
    {
        await using var engine = EngineHarness.InMemory();
        var logs = new CapturedLogs();

        var (services, host) = await StartHostAsync(engine.Api, url, logs);
        await using var disposeServices = services;

        host.Address.Should().BeNull();
        logs.Messages.Should().Contain(m => m.Contains("beyond loopback", StringComparison.Ordinal) && m.Contains("LocalEngine:ApiAccessKeyId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_ApiUrl_turns_the_API_off()
    {
        await using var portal = new PortalApp(new Dictionary<string, string?> { ["LocalEngine:ApiUrl"] = "" });

        portal.GetRequiredService<ApiHost>().Address.Should().BeNull();
    }

    /// <summary>The API host alone on <paramref name="url"/>, started, its logs captured; the caller disposes the provider.</summary>
    private static async Task<(ServiceProvider Services, ApiHost Host)> StartHostAsync(IAmazonStepFunctions api, string url, CapturedLogs logs)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddSingleton(api)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new ApiOptions { ApiUrl = url }))
            .AddSingleton<ApiHost>()
            .BuildServiceProvider();
        var host = services.GetRequiredService<ApiHost>();
        await host.StartAsync(CancellationToken.None);
        return (services, host);
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception));
        }
    }
}
