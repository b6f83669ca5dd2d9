using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.StepFunctions;

/// <summary>Aws mode: our Step Functions client (JSON 1.0 over HTTP, SigV4 from AWSSDK.Core).</summary>
public static class StepFunctionsClientExtensions
{
    public static IServiceCollection AddStepFunctionsClient(this IServiceCollection services) =>
        services.AddStepFunctionsClient(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="AddStepFunctionsClient(IServiceCollection)"/>, reading AWS environment variables through <paramref name="environment"/>.</summary>
    internal static IServiceCollection AddStepFunctionsClient(this IServiceCollection services, Func<string, string?> environment)
    {
        services.AddOptions<StepFunctionsClientOptions>()
            .BindConfiguration(StepFunctionsClientOptions.Section)
            .Validate(o => o.ResolveRegion(environment) is not null, "Aws mode needs a region for Step Functions: set StepFunctions:Region (or AWS_REGION).")
            .Validate(o => o.Timeout > TimeSpan.Zero, "StepFunctions:Timeout must be positive.")
            .Validate(o => o.MaxRetries >= 0, "StepFunctions:MaxRetries must not be negative.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(StepFunctionsClient), http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<DefaultChainCredentials>();
        services.AddSingleton<IAmazonStepFunctions>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StepFunctionsClientOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(StepFunctionsClient));
            // Credentials registered in DI (one source for every AWS client of the portal) win over the default chain.
            Func<CancellationToken, Task<ImmutableCredentials>> credentials = provider.GetService<AWSCredentials>() is { } registered
                ? _ => registered.GetCredentialsAsync()
                : provider.GetRequiredService<DefaultChainCredentials>().GetAsync;
            return new StepFunctionsClient(new StepFunctionsTransport(http, options, options.ResolveRegion(environment)!, credentials));
        });
        return services;
    }

    /// <summary>
    /// AWSSDK.Core's default credential chain (environment, profile, web identity, ECS container credentials, instance
    /// metadata), resolved on first use rather than at start-up so that a slow metadata endpoint never delays the portal.
    /// </summary>
    private sealed class DefaultChainCredentials : IDisposable
    {
        private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();
        private AWSCredentials? _credentials;

        public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
        {
            _credentials ??= await _resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
            return await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        }

        public void Dispose() => _resolver.Dispose();
    }
}
