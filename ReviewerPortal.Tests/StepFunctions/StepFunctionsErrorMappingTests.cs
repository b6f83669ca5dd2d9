using Amazon.Runtime;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.StepFunctions;

public class StepFunctionsErrorMappingTests
{
    [Theory]
    [MemberData(nameof(RecordedErrorBodies.ServiceErrors), MemberType = typeof(RecordedErrorBodies))]
    public async Task Each_documented_error_code_from_AWS_is_thrown_as_its_own_exception_type(string code, string body, Type expected)
    {
        await using var aws = await ScriptedAwsServer.StartAsync((400, body));
        var client = TestClients.StepFunctions(aws.BaseUri);

        var thrown = await Assert.ThrowsAnyAsync<AmazonStepFunctionsException>(
            () => client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:review:case-1" }));

        thrown.Should().BeOfType(expected);
        thrown.ErrorCode.Should().Be(code);
        thrown.Message.Should().Be(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("message").GetString());
        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        thrown.ErrorType.Should().Be(ErrorType.Sender);
        thrown.RequestId.Should().Be("request-0");
        aws.Requests.Should().HaveCount(1, "a client error is an answer, not an outage: no retry");
    }

    [Fact]
    public void Every_exception_type_of_the_model_has_a_recorded_answer()
    {
        var recorded = RecordedErrorBodies.ServiceErrors.Select(row => (string)row[0]).ToHashSet();

        // KmsThrottlingException is retried before it is thrown; StepFunctionsTransportTests covers it.
        recorded.Add(KmsThrottlingException.Code);

        recorded.Should().BeEquivalentTo(StepFunctionsErrors.KnownCodes);
    }

    [Fact]
    public async Task An_error_code_without_a_type_keeps_its_code_on_the_base_exception()
    {
        var body = RecordedErrorBodies.Body("com.amazon.coral.service#AccessDeniedException", "User is not authorized to perform: states:SendTaskSuccess");
        await using var aws = await ScriptedAwsServer.StartAsync((400, body));
        var client = TestClients.StepFunctions(aws.BaseUri);

        var thrown = await Assert.ThrowsAsync<AmazonStepFunctionsException>(
            () => client.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = "token" }));

        thrown.ErrorCode.Should().Be("AccessDeniedException");
        thrown.Message.Should().Contain("states:SendTaskSuccess");
    }

    [Fact]
    public void Codes_with_a_detail_suffix_or_upper_case_Message_are_read_like_AWS_SDKs_read_them()
    {
        var (code, message) = StepFunctionsErrors.ReadErrorBody(
            """{"__type":"com.amazonaws.swf.service.v2.model#TaskTimedOut:http://internal.amazon.com/coral/","Message":"Task Timed Out"}"""u8);

        code.Should().Be("TaskTimedOut");
        message.Should().Be("Task Timed Out");
    }

    [Fact]
    public async Task A_server_error_without_a_JSON_body_is_reported_with_its_status()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((502, "<html>Bad Gateway</html>"));
        var client = TestClients.StepFunctions(aws.BaseUri, maxRetries: 1);

        var thrown = await Assert.ThrowsAsync<AmazonStepFunctionsException>(
            () => client.ListStateMachinesAsync(new ListStateMachinesRequest()));

        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.BadGateway);
        thrown.ErrorType.Should().Be(ErrorType.Receiver);
        thrown.Message.Should().Contain("502");
    }

    [Fact]
    public async Task A_success_answer_that_is_not_Step_Functions_JSON_is_reported_as_such()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((200, "<html>Welcome to nginx</html>"));
        var client = TestClients.StepFunctions(aws.BaseUri);

        var thrown = await Assert.ThrowsAsync<AmazonStepFunctionsException>(
            () => client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:review:case-1" }));

        thrown.Message.Should().Contain("DescribeExecution answer is not Step Functions JSON").And.Contain("ServiceUrl");
    }
}
