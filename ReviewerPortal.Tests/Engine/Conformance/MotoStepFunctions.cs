using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.Conformance;

/// <summary>Drives moto's Step Functions server with raw AWS JSON 1.0 requests (the protocol the AWS CLI speaks).</summary>
public sealed class MotoStepFunctions : IAsyncLifetime
{
    private LoopbackServer? server;
    private HttpClient? http;

    public async Task InitializeAsync()
    {
        server = await TestServers.StartMotoAsync();
        http = new HttpClient { BaseAddress = server.BaseUri };
    }

    public async Task<JsonObject> CallAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260105/us-east-1/states/aws4_request, SignedHeaders=host;x-amz-target, Signature=0");
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var response = await http!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"moto {operation} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Runs a definition to its end on moto and returns DescribeExecution.</summary>
    public async Task<JsonObject> RunAsync(string name, string definition, string input)
    {
        var machine = await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = definition, ["roleArn"] = "arn:aws:iam::123456789012:role/local",
        });
        var started = await CallAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = machine["stateMachineArn"]!.GetValue<string>(), ["name"] = name + "-run", ["input"] = input,
        });
        var arn = started["executionArn"]!.GetValue<string>();
        for (var i = 0; i < 300; i++)
        {
            var description = await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
            if (description["status"]!.GetValue<string>() != "RUNNING")
            {
                return description;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"moto did not finish {name}.");
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
