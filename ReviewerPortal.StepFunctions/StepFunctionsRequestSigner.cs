using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;

namespace ReviewerPortal.StepFunctions;

/// <summary>
/// Signs one JSON 1.0 request with Signature Version 4 for service <c>states</c>, using AWSSDK.Core's own signer
/// (the same code AWSSDK.StepFunctions would run), and returns the headers to send.
/// </summary>
public sealed class StepFunctionsRequestSigner(string region)
{
    /// <summary>The signing name of Step Functions (the <c>service</c> part of the credential scope).</summary>
    public const string SigningService = "states";

    private readonly AWS4Signer _signer = new();
    private readonly SigningConfig _config = new(region);

    public string Region { get; } = region;

    /// <summary>All headers of the signed request, <c>host</c> included (it is part of the signature).</summary>
    public IReadOnlyDictionary<string, string> Sign(Uri endpoint, string target, byte[] body, ImmutableCredentials credentials, DateTime? signedAt = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        using var request = new DefaultRequest(new SignedOperation(), "StepFunctions")
        {
            HttpMethod = "POST",
            Endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Authority)),
            ResourcePath = endpoint.AbsolutePath,
            Content = body,
        };
        request.Headers["Content-Type"] = StepFunctionsJson.ContentType;
        request.Headers["X-Amz-Target"] = target;
        if (credentials.UseToken)
        {
            // Temporary credentials (ECS task role, web identity, SSO): the session token is sent and signed.
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var result = _signer.SignRequest(
            request, _config, new RequestMetrics(), credentials.AccessKey, credentials.SecretKey, signedAt ?? DateTime.UtcNow);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        return new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What AWSSDK.Core's signer reads from a client configuration: the signing region and service.</summary>
    private sealed class SigningConfig : ClientConfig
    {
        public SigningConfig(string region)
            : base(null!)
        {
            AuthenticationRegion = region;
            AuthenticationServiceName = SigningService;
        }

        public override string RegionEndpointServiceName => SigningService;

        public override string ServiceVersion => "2016-11-23";

        public override string UserAgent => "ReviewerPortal";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            throw new NotSupportedException("The endpoint is resolved by StepFunctionsClientOptions.");
    }

    /// <summary>AWSSDK.Core's request wrapper needs an originating request object; ours carries nothing.</summary>
    private sealed class SignedOperation : AmazonWebServiceRequest;
}
