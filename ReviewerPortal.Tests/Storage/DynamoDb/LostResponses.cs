using Amazon.Runtime;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>
/// An HTTP path to a real DynamoDB server that delivers requests and, for the first <see cref="ToLose"/> requests of one
/// operation, drops the server's answer (a connection reset after the write was applied): what a hung request the SDK
/// gave up on looks like to the client. The SDK then retries on its own.
/// </summary>
public sealed class LostResponses(string operation) : HttpClientFactory
{
    private readonly string _suffix = "." + operation;
    private int _lost;

    public int ToLose { get; set; } = 1;

    /// <summary>How many requests of the operation reached the server.</summary>
    public int Sent { get; private set; }

    public int Lost => _lost;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    private sealed class Handler(LostResponses owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() : null;
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (target?.EndsWith(owner._suffix, StringComparison.Ordinal) != true)
            {
                return response;
            }

            owner.Sent++;
            if (Interlocked.Increment(ref owner._lost) > owner.ToLose)
            {
                Interlocked.Decrement(ref owner._lost);
                return response;
            }

            response.Dispose();
            throw new HttpRequestException("The connection was reset after the request was sent.", new IOException("Connection reset by peer"));
        }
    }
}
