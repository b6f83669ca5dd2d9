using System.Net;
using System.Text;
using System.Text.Json;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ReviewerPortal.Tests.Workflow.StepFunctions;
using ReviewerPortal.Workflow.StepFunctions;
using ReviewerPortal.Workflow.StepFunctions.Model;
using ReviewerPortal.Workflow.StepFunctionsApi;

namespace ReviewerPortal.Tests.Workflow.StepFunctionsApi;

/// <summary>
/// The JSON 1.0 protocol of the local API, independent of what engine is behind it: a substitute engine answers or
/// throws exactly what each test needs, and real HTTP clients (raw, the AWS CLI, our client) call it.
/// </summary>
public class StepFunctionsApiProtocolTests
{
    private const string ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:review:case-1";

    private readonly IAmazonStepFunctions _engine = Substitute.For<IAmazonStepFunctions>();

    [Fact]
    public void Every_operation_of_the_interface_is_served()
    {
        var operations = typeof(IAmazonStepFunctions).GetMethods().Select(m => m.Name[..^"Async".Length]);

        StepFunctionsOperations.Names.Should().BeEquivalentTo(operations);
    }

    [Fact]
    public async Task An_unknown_operation_is_answered_with_UnknownOperationException()
    {
        await using var api = await StepFunctionsApiServer.StartAsync(_engine);

        var (status, type, _) = await PostAsync(api.Address, "AWSStepFunctions.CreateActivity", "{}");

        status.Should().Be(HttpStatusCode.BadRequest);
        type.Should().EndWith("#UnknownOperationException");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_of_the_operation_s_shape_is_answered_with_SerializationException()
    {
        await using var api = await StepFunctionsApiServer.StartAsync(_engine);

        var broken = await PostAsync(api.Address, "AWSStepFunctions.StartExecution", "{\"stateMachineArn\":");
        var wrongType = await PostAsync(api.Address, "AWSStepFunctions.ListExecutions", """{"maxResults":"ten"}""");

        broken.Status.Should().Be(HttpStatusCode.BadRequest);
        broken.Type.Should().EndWith("#SerializationException");
        wrongType.Type.Should().EndWith("#SerializationException");
        await _engine.DidNotReceiveWithAnyArgs().StartExecutionAsync(default!, default);
    }

    [Fact]
    public async Task An_error_the_engine_throws_is_answered_as_AWS_does_and_read_back_by_our_client_as_the_same_type()
    {
        _engine.SendTaskSuccessAsync(Arg.Any<SendTaskSuccessRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new TaskTimedOutException("Task Timed Out: 'Provided task does not exist anymore'"));
        await using var api = await StepFunctionsApiServer.StartAsync(_engine);

        var raw = await PostAsync(api.Address, "AWSStepFunctions.SendTaskSuccess", """{"taskToken":"t","output":"{}"}""");
        var viaClient = () => TestClients.StepFunctions(api.Address).SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "t", Output = "{}" });

        raw.Status.Should().Be(HttpStatusCode.BadRequest);
        raw.Type.Should().Be("com.amazonaws.swf.service.v2.model#TaskTimedOut");
        raw.Message.Should().Be("Task Timed Out: 'Provided task does not exist anymore'");
        (await viaClient.Should().ThrowAsync<TaskTimedOutException>()).Which.Message.Should().Be(raw.Message);
    }

    [Fact]
    public async Task An_unexpected_engine_failure_is_a_500_InternalFailure_that_reveals_no_details()
    {
        _engine.DescribeExecutionAsync(Arg.Any<DescribeExecutionRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("patient Jane Doe broke the engine"));
        await using var api = await StepFunctionsApiServer.StartAsync(_engine);

        var (status, type, message) = await PostAsync(api.Address, "AWSStepFunctions.DescribeExecution", $$"""{"executionArn":"{{ExecutionArn}}"}""");

        status.Should().Be(HttpStatusCode.InternalServerError);
        type.Should().EndWith("#InternalFailure");
        message.Should().NotContain("Jane");
    }

    [Fact]
    public async Task The_AWS_CLI_reports_an_engine_error_with_its_AWS_code()
    {
        _engine.DescribeExecutionAsync(Arg.Any<DescribeExecutionRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ExecutionDoesNotExistException($"Execution Does Not Exist: '{ExecutionArn}'"));
        await using var api = await StepFunctionsApiServer.StartAsync(_engine);

        var cli = await AwsCli.StepFunctionsAsync(api.Address, "describe-execution", "--execution-arn", ExecutionArn);

        cli.ExitCode.Should().NotBe(0);
        cli.Stderr.Should().Contain("An error occurred (ExecutionDoesNotExist) when calling the DescribeExecution operation");
    }

    [Fact]
    public async Task The_AWS_CLI_sends_its_arguments_in_the_wire_shape_and_reads_the_answer()
    {
        _engine.StartExecutionAsync(Arg.Any<StartExecutionRequest>(), Arg.Any<CancellationToken>())
            .Returns(new StartExecutionResponse { ExecutionArn = ExecutionArn, StartDate = new DateTime(2025, 11, 22, 3, 0, 0, 250, DateTimeKind.Utc) });
        await using var api = await StepFunctionsApiServer.StartAsync(_engine);

        var cli = await AwsCli.StepFunctionsAsync(
            api.Address, "start-execution", "--state-machine-arn", "arn:aws:states:us-east-1:123456789012:stateMachine:review", "--name", "case-1", "--input", """{"caseId":"C-1"}""");

        cli.ExitCode.Should().Be(0, cli.Stderr);
        using var printed = JsonDocument.Parse(cli.Stdout);
        printed.RootElement.GetProperty("executionArn").GetString().Should().Be(ExecutionArn);
        // AWS CLI v1 prints timestamps as the service sent them: epoch seconds.
        printed.RootElement.GetProperty("startDate").GetDecimal().Should().Be(1763780400.25m);
        await _engine.Received(1).StartExecutionAsync(
            Arg.Is<StartExecutionRequest>(r => r.Name == "case-1" && r.Input == """{"caseId":"C-1"}""" && r.StateMachineArn!.EndsWith(":review", StringComparison.Ordinal)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Requests_other_than_POST_slash_are_not_served()
    {
        await using var api = await StepFunctionsApiServer.StartAsync(_engine);
        using var http = new HttpClient();

        using var response = await http.GetAsync(api.Address);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<(HttpStatusCode Status, string? Type, string? Message)> PostAsync(Uri address, string target, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", target);
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
