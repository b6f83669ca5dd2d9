using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>One moto server for a test class; each test makes its own table or bucket in it.</summary>
public sealed class MotoServer : IAsyncLifetime
{
    private LoopbackServer? _server;

    public Uri Url => _server?.BaseUri ?? throw new InvalidOperationException("moto is not started");

    public async Task InitializeAsync() => _server = await TestServers.StartMotoAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One dynalite server for a test class; each test makes its own table in it.</summary>
public sealed class DynaliteServer : IAsyncLifetime
{
    private LoopbackServer? _server;

    public Uri Url => _server?.BaseUri ?? throw new InvalidOperationException("dynalite is not started");

    public async Task InitializeAsync() => _server = await TestServers.StartDynaliteAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
