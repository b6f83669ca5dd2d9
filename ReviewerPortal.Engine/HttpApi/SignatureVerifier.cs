using Microsoft.AspNetCore.Http;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReviewerPortal.Engine.HttpApi;

/// <summary>
/// Checks AWS Signature Version 4 on a request against the one access key the API is configured with: rebuilds the
/// canonical request from the headers the client signed and compares signatures in constant time. Needed once the API
/// listens beyond loopback, where any caller could otherwise start and stop executions.
/// </summary>
public sealed class SignatureVerifier(string accessKeyId, string secretAccessKey, TimeProvider time)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>How far a request's X-Amz-Date may be from the clock, as AWS allows.</summary>
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    /// <summary>Null when the request is signed by the configured key; otherwise the AWS error code and message to answer.</summary>
    public (string Code, string Message)? Verify(HttpRequest request, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return ("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!TryParse(authorization, out var credential, out var signedHeaders, out var signature))
        {
            return ("IncompleteSignatureException", "The Authorization header is not an AWS Signature Version 4 header.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return ("IncompleteSignatureException", "The credential scope is not <key>/<date>/<region>/<service>/aws4_request.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(scope[0]), Encoding.UTF8.GetBytes(accessKeyId)))
        {
            return ("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (time.GetUtcNow() - signedAt).Duration() > MaxSkew || !amzDate.StartsWith(scope[1], StringComparison.Ordinal))
        {
            return ("InvalidSignatureException", "Signature expired or X-Amz-Date is missing or does not match the credential scope.");
        }

        var expected = Sign(request, body, signedHeaders, amzDate, scope);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()))
            ? null
            : ("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
    }

    private string Sign(HttpRequest request, byte[] body, string[] signedHeaders, string amzDate, string[] scope)
    {
        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(string.IsNullOrEmpty(request.Path.Value) ? "/" : request.Path.Value).Append('\n')
            .Append(request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : string.Empty).Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = name == "host" ? request.Host.Value : string.Join(",", request.Headers[name].Select(v => v?.Trim()));
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(Hex(SHA256.HashData(body)));
        var credentialScope = string.Join('/', scope[1..]);
        var toSign = $"{Algorithm}\n{amzDate}\n{credentialScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in scope[1..])
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary><c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=a;b, Signature=hex</c>.</summary>
    private static bool TryParse(string header, out string credential, out string[] signedHeaders, out string signature)
    {
        credential = signature = string.Empty;
        signedHeaders = [];
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (part, string.Empty) : (part[..equals], part[(equals + 1)..]);
            switch (name)
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value.Split(';'); break;
                case "Signature": signature = value; break;
            }
        }

        return credential.Length > 0 && signature.Length > 0 && signedHeaders.Contains("host");
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
