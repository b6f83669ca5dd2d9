using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Engine;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>Issue 14, items 3, 4, 8 and 9 over HTTP: what real clients see for hostile requests, and signed access (the refusal beyond loopback is in <see cref="ApiHostTests"/>).</summary>
public sealed class ApiQuotaTests
{
    private const string Pass = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task Hostile_requests_get_4xx_answers_in_the_protocol_format_without_dotnet_text()
    {
        await using var local = await EngineOverHttp.StartAsync();
        var duplicate = JsonSerializer.Serialize(new { name = "dup", roleArn = EngineOverHttp.RoleArn, definition = """{"StartAt":"A","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""" });
        var oversized = "{\"definition\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var answers = new[]
        {
            await PostAsync(local.Address, "CreateStateMachine", duplicate),
            await PostAsync(local.Address, "CreateStateMachine", "null"),
            await PostAsync(local.Address, "ListStateMachines", """{"maxResults":"many"}"""),
            await PostAsync(local.Address, "CreateStateMachine", oversized),
        };

        answers.Select(a => (a.Status, a.Type)).Should().Equal(
            (HttpStatusCode.BadRequest, "InvalidDefinition"),
            (HttpStatusCode.BadRequest, "ValidationException"),
            (HttpStatusCode.BadRequest, "SerializationException"),
            (HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLargeException"));
        answers.Should().AllSatisfy(a => a.Message.Should().NotContainAny("System.", "Exception:", "JsonDocumentOptions", "   at "));
    }

    [Fact]
    public async Task With_credentials_configured_only_requests_signed_with_them_are_served()
    {
        await using var engine = EngineHarness.InMemory();
        var options = new ApiOptions { ApiUrl = "http://127.0.0.1:0", ApiAccessKeyId = "portal-key", ApiSecretAccessKey = "portal-secret" };
        await using var server = await ApiServer.StartAsync(engine.Api, options);
        var signed = Client(server.Address, new BasicAWSCredentials("portal-key", "portal-secret"));
        var wrongSecret = Client(server.Address, new BasicAWSCredentials("portal-key", "guessed"));
        var otherKey = Client(server.Address, new BasicAWSCredentials("someone", "portal-secret"));

        var created = await signed.CreateStateMachineAsync(new CreateStateMachineRequest { Name = "signed", Definition = Pass, RoleArn = EngineOverHttp.RoleArn });
        var forged = () => wrongSecret.ListStateMachinesAsync(new ListStateMachinesRequest());
        var unknown = () => otherKey.ListStateMachinesAsync(new ListStateMachinesRequest());
        var unsigned = await PostAsync(server.Address, "ListStateMachines", "{}");

        created.StateMachineArn.Should().EndWith(":signed");
        (await forged.Should().ThrowAsync<AmazonStepFunctionsException>()).Which.ErrorCode.Should().Be("InvalidSignatureException");
        (await unknown.Should().ThrowAsync<AmazonStepFunctionsException>()).Which.ErrorCode.Should().Be("UnrecognizedClientException");
        unsigned.Status.Should().Be(HttpStatusCode.Forbidden);
        unsigned.Type.Should().Be("MissingAuthenticationTokenException");
    }

    private static StepFunctionsClient Client(Uri endpoint, AWSCredentials credentials) =>
        StepFunctionsClient.Create(
            new StepFunctionsClientOptions { Region = "us-east-1", ServiceUrl = endpoint, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(60) },
            "us-east-1",
            credentials);

    private static async Task<(HttpStatusCode Status, string Type, string Message)> PostAsync(Uri address, string operation, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var type = json.RootElement.GetProperty("__type").GetString()!;
        return (response.StatusCode, type[(type.IndexOf('#', StringComparison.Ordinal) + 1)..], json.RootElement.GetProperty("message").GetString()!);
    }
}
