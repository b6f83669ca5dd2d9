using System.Net;
using System.Text;
using System.Text.Json;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>
/// The JSON 1.0 protocol of the local API, spoken by real HTTP clients (raw, the AWS CLI, our client) to the local
/// engine. Only the engine crash uses a substitute engine: the real one offers no way to fail unexpectedly.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ApiProtocolTests : IAsyncLifetime
{
    private const string MissingExecution = "arn:aws:states:us-east-1:123456789012:execution:review:nope";

    private EngineOverHttp _local = null!;

    public async Task InitializeAsync() => _local = await EngineOverHttp.StartAsync();

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public void Every_operation_of_the_interface_is_served()
    {
        var operations = typeof(IAmazonStepFunctions).GetMethods().Select(m => m.Name[..^"Async".Length]);

        StepFunctionsOperations.Names.Should().BeEquivalentTo(operations);
    }

    [Fact]
    public async Task An_unknown_operation_is_answered_with_UnknownOperationException()
    {
        var (status, type, _) = await PostAsync(_local.Address, "AWSStepFunctions.CreateActivity", "{}");
        var untargeted = await PostAsync(_local.Address, "", "{}");

        status.Should().Be(HttpStatusCode.BadRequest);
        type.Should().Be("com.amazon.coral.service#UnknownOperationException");
        untargeted.Type.Should().Be("com.amazon.coral.service#UnknownOperationException");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_of_the_operation_s_shape_is_answered_with_SerializationException()
    {
        var broken = await PostAsync(_local.Address, "AWSStepFunctions.StartExecution", "{\"stateMachineArn\":");
        var wrongType = await PostAsync(_local.Address, "AWSStepFunctions.ListStateMachines", """{"maxResults":"ten"}""");

        broken.Status.Should().Be(HttpStatusCode.BadRequest);
        broken.Type.Should().Be("com.amazon.coral.service#SerializationException");
        wrongType.Status.Should().Be(HttpStatusCode.BadRequest);
        wrongType.Type.Should().Be("com.amazon.coral.service#SerializationException");
    }

    [Fact]
    public async Task An_error_of_the_engine_is_answered_as_AWS_does_and_read_back_by_our_client_as_the_same_type()
    {
        var raw = await PostAsync(_local.Address, "AWSStepFunctions.DescribeExecution", $$"""{"executionArn":"{{MissingExecution}}"}""");
        var viaClient = () => _local.Client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = MissingExecution });

        raw.Status.Should().Be(HttpStatusCode.BadRequest);
        raw.Type.Should().Be("com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist");
        raw.Message.Should().Contain(MissingExecution);
        (await viaClient.Should().ThrowAsync<ExecutionDoesNotExistException>()).Which.Message.Should().Be(raw.Message);
    }

    [Fact]
    public async Task The_AWS_CLI_reports_an_engine_error_with_its_AWS_code()
    {
        var cli = await AwsCli.StepFunctionsAsync(_local.Address, "describe-execution", "--execution-arn", MissingExecution);

        cli.ExitCode.Should().NotBe(0);
        cli.Stderr.Should().Contain("An error occurred (ExecutionDoesNotExist) when calling the DescribeExecution operation");
    }

    [Fact]
    public async Task An_unexpected_engine_failure_is_a_500_InternalFailure_that_reveals_no_details()
    {
        var crashing = Substitute.For<IAmazonStepFunctions>();
        crashing.DescribeExecutionAsync(Arg.Any<DescribeExecutionRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("patient Jane Doe broke the engine"));
        await using var api = await ApiServer.StartAsync(crashing);

        var (status, type, message) = await PostAsync(api.Address, "AWSStepFunctions.DescribeExecution", $$"""{"executionArn":"{{MissingExecution}}"}""");

        status.Should().Be(HttpStatusCode.InternalServerError);
        type.Should().Be("com.amazon.coral.service#InternalFailure");
        message.Should().NotContain("Jane");
    }

    [Fact]
    public async Task Requests_other_than_POST_slash_are_not_served()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(_local.Address);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<(HttpStatusCode Status, string? Type, string? Message)> PostAsync(Uri address, string target, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        if (target.Length > 0)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-amz-json-1.0");
        response.Headers.Contains("x-amzn-RequestId").Should().BeTrue();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        return (response.StatusCode,
            root.TryGetProperty("__type", out var type) ? type.GetString() : null,
            root.TryGetProperty("message", out var message) ? message.GetString() : null);
    }
}
