using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Polly;
using Polly.Retry;

namespace ReviewerPortal.StepFunctions;

/// <summary>
/// Sends one JSON 1.0 call: signs it afresh for every attempt, bounds each attempt by the configured timeout, and
/// retries with exponential backoff and jitter on throttling and 5xx answers only (a 4xx is an answer, not an outage).
/// </summary>
public sealed class StepFunctionsTransport
{
    /// <summary>Error codes that mean "slow down": retried like a 5xx.</summary>
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "KmsThrottlingException",
    };

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeSpan _attemptTimeout;
    private readonly StepFunctionsRequestSigner _signer;
    private readonly Func<CancellationToken, Task<ImmutableCredentials>> _credentials;
    private readonly ResiliencePipeline<WireAnswer> _retry;

    public StepFunctionsTransport(
        HttpClient http, StepFunctionsClientOptions options, string region, Func<CancellationToken, Task<ImmutableCredentials>> credentials)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _endpoint = options.ResolveEndpoint(region);
        _attemptTimeout = options.Timeout;
        _signer = new StepFunctionsRequestSigner(region);
        _credentials = credentials;
        _retry = BuildRetry(options);
    }

    /// <summary>Posts <paramref name="body"/> as <c>AWSStepFunctions.{operation}</c>; returns the success body or throws the mapped error.</summary>
    public async Task<byte[]> SendAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var answer = await _retry.ExecuteAsync(
            static async (state, ct) => await state.Self.SendOnceAsync(state.Operation, state.Body, ct).ConfigureAwait(false),
            (Self: this, Operation: operation, Body: body),
            cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess
            ? answer.Body
            : throw StepFunctionsErrors.FromResponse(answer.Status, answer.Body, answer.RequestId);
    }

    private async Task<WireAnswer> SendOnceAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_attemptTimeout);
        try
        {
            var credentials = await _credentials(attempt.Token).ConfigureAwait(false);
            using var request = BuildRequest(operation, body, credentials);
            using var response = await _http.SendAsync(request, attempt.Token).ConfigureAwait(false);
            var answerBody = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            return new WireAnswer(response.StatusCode, answerBody, requestId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"Step Functions did not answer {operation} at {_endpoint.Host} within {_attemptTimeout.TotalSeconds:0.###} s."));
        }
    }

    private HttpRequestMessage BuildRequest(string operation, byte[] body, ImmutableCredentials credentials)
    {
        var headers = _signer.Sign(_endpoint, StepFunctionsJson.TargetPrefix + operation, body, credentials);
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!name.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                // HttpClient writes Host from the endpoint itself, the same value the signer signed.
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private static ResiliencePipeline<WireAnswer> BuildRetry(StepFunctionsClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<WireAnswer>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<WireAnswer>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(20),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsRetryable: true }),
            });
        }

        return builder.Build();
    }

    /// <summary>One HTTP answer, kept as bytes until we know whether it is a success, a retry, or an error.</summary>
    private sealed record WireAnswer(HttpStatusCode Status, byte[] Body, string? RequestId)
    {
        public bool IsSuccess => (int)Status is >= 200 and < 300;

        public bool IsRetryable =>
            (int)Status >= 500
            || Status == HttpStatusCode.TooManyRequests
            || ((int)Status >= 400 && StepFunctionsErrors.ReadErrorBody(Body).Code is { } code && ThrottlingCodes.Contains(code));
    }
}
