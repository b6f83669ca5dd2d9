using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.StepFunctions;

/// <summary>
/// Requests are signed with SigV4 for service <c>states</c> in the configured region: the signature the server received
/// is recomputed independently by botocore (the AWS CLI's signer) from the headers and body that arrived.
/// </summary>
[Trait("Category", "Slow")]
public class StepFunctionsRequestSignerTests
{
    private const string Region = "eu-west-2";

    /// <summary>botocore's SigV4 over the received request, at the time the request says it was signed.</summary>
    private const string Botocore = """
        import json, sys
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        d = json.load(sys.stdin)
        request = AWSRequest(method="POST", url=d["url"], data=d["body"].encode("utf-8"), headers=d["headers"])
        request.context["timestamp"] = d["headers"]["x-amz-date"]
        auth = SigV4Auth(Credentials(d["accessKey"], d["secretKey"], d.get("token")), "states", d["region"])
        print(auth.signature(auth.string_to_sign(request, auth.canonical_request(request)), request))
        """;

    [Fact]
    public async Task A_request_is_signed_for_states_in_the_configured_region_and_botocore_agrees_with_the_signature()
    {
        var received = await SendThroughOurClientAsync(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

        var authorization = ParseAuthorization(received.Headers["Authorization"]);
        authorization.Credential.Should().MatchRegex(@"^AKIDEXAMPLE/\d{8}/eu-west-2/states/aws4_request$");
        authorization.SignedHeaders.Should().Contain(["host", "x-amz-date", "x-amz-target", "content-type"]);
        received.Headers["X-Amz-Target"].Should().Be("AWSStepFunctions.SendTaskHeartbeat");
        received.Headers["Content-Type"].Should().Be("application/x-amz-json-1.0");
        received.Headers["X-Amz-Content-SHA256"].Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(received.Body))));

        var expected = await BotocoreSignatureAsync(received, authorization.SignedHeaders, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token: null);
        authorization.Signature.Should().Be(expected);
    }

    [Fact]
    public async Task Temporary_credentials_send_their_session_token_inside_the_signature()
    {
        var received = await SendThroughOurClientAsync(new SessionAWSCredentials("ASIAEXAMPLE", "secret", "session-token-from-ecs"));

        var authorization = ParseAuthorization(received.Headers["Authorization"]);
        received.Headers["X-Amz-Security-Token"].Should().Be("session-token-from-ecs");
        authorization.SignedHeaders.Should().Contain("x-amz-security-token");
        var expected = await BotocoreSignatureAsync(received, authorization.SignedHeaders, "ASIAEXAMPLE", "secret", "session-token-from-ecs");
        authorization.Signature.Should().Be(expected);
    }

    [Fact]
    public async Task A_wrong_secret_gives_a_signature_botocore_rejects()
    {
        var received = await SendThroughOurClientAsync(new BasicAWSCredentials("AKIDEXAMPLE", "the-right-secret"));

        var authorization = ParseAuthorization(received.Headers["Authorization"]);
        var withOtherSecret = await BotocoreSignatureAsync(received, authorization.SignedHeaders, "AKIDEXAMPLE", "another-secret", token: null);
        authorization.Signature.Should().NotBe(withOtherSecret);
    }

    [Fact]
    public void Without_a_service_url_requests_go_to_the_regional_endpoint()
    {
        new StepFunctionsClientOptions().ResolveEndpoint("eu-west-2").Should().Be(new Uri("https://states.eu-west-2.amazonaws.com/"));
        new StepFunctionsClientOptions { ServiceUrl = new Uri("http://127.0.0.1:8083") }.ResolveEndpoint("eu-west-2")
            .Should().Be(new Uri("http://127.0.0.1:8083"));
    }

    private static async Task<RecordedRequest> SendThroughOurClientAsync(AWSCredentials credentials)
    {
        await using var aws = await ScriptedAwsServer.StartAsync((200, "{}"));
        var client = StepFunctionsClient.Create(new StepFunctionsClientOptions { ServiceUrl = aws.BaseUri }, Region, credentials);
        await client.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = "AQCEAAAAKgAAAAMAAAAAAAAAAZ3x" });
        return aws.Requests.Single();
    }

    private static (string Credential, string[] SignedHeaders, string Signature) ParseAuthorization(string header)
    {
        header.Should().StartWith("AWS4-HMAC-SHA256 ");
        var parts = header["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (parts["Credential"], parts["SignedHeaders"].Split(';'), parts["Signature"]);
    }

    private static async Task<string> BotocoreSignatureAsync(RecordedRequest received, string[] signedHeaders, string accessKey, string secretKey, string? token)
    {
        var headers = signedHeaders.ToDictionary(h => h, h => received.Headers[h]);
        var input = JsonSerializer.Serialize(new
        {
            url = $"http://{received.Headers["Host"]}{received.Path}",
            headers,
            body = received.Body,
            region = Region,
            accessKey,
            secretKey,
            token,
        });
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Botocore);
        using var python = Process.Start(info)!;
        await python.StandardInput.WriteAsync(input);
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        python.ExitCode.Should().Be(0, errors);
        return output.Trim();
    }
}
