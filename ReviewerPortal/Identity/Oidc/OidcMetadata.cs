using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ReviewerPortal.Identity.Oidc;

/// <summary>
/// The provider's discovery document and signing keys, cached; fetched again when a token names a key we do not know
/// (the provider rotated its keys), at most once per <see cref="RefreshFloor"/> so bad tokens cannot hammer the provider.
/// </summary>
public sealed class OidcMetadata(IHttpClientFactory httpClients, IOptions<IdentityOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "oidc";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(12);
    private static readonly TimeSpan RefreshFloor = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() < _fetchedAt + CacheLifetime)
        {
            return current;
        }

        return await FetchAsync(current, cancellationToken);
    }

    /// <summary>Fetches again unless that happened moments ago; returns the configuration to retry with.</summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() < _fetchedAt + RefreshFloor)
        {
            return current;
        }

        return await FetchAsync(current, cancellationToken);
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync(OpenIdConnectConfiguration? seen, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_current is not null && !ReferenceEquals(_current, seen))
            {
                return _current; // another request fetched while we waited
            }

            var authority = options.Value.Authority ?? throw new InvalidOperationException("Identity:Authority is not set.");
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
            {
                RequireHttps = !IsLoopback(authority),
            };
            var address = authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration";
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancellationToken);
            _current = configuration;
            _fetchedAt = time.GetUtcNow();
            return configuration;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Plain HTTP is accepted only for a provider on this machine (the tests' provider).</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
    }

    public void Dispose() => _fetching.Dispose();
}
