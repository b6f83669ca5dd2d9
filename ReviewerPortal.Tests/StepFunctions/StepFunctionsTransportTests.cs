using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.StepFunctions;

public class StepFunctionsTransportTests
{
    private const string Started = """{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:review:case-1","startDate":1763780400.5}""";

    private static readonly StartExecutionRequest Start = new()
    {
        StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:review",
        Name = "case-1",
        Input = "{}",
    };

    [Fact]
    public async Task A_500_answer_is_retried_and_the_later_success_returned()
    {
        await using var aws = await ScriptedAwsServer.StartAsync(
            (500, RecordedErrorBodies.Body("com.amazon.coral.service#InternalFailure", "Internal failure")), (200, Started));
        var client = TestClients.StepFunctions(aws.BaseUri, maxRetries: 3);

        var started = await client.StartExecutionAsync(Start);

        started.ExecutionArn.Should().EndWith(":case-1");
        aws.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Throttling_is_retried_until_it_passes()
    {
        var throttled = RecordedErrorBodies.Body("com.amazon.coral.availability#ThrottlingException", "Rate exceeded");
        await using var aws = await ScriptedAwsServer.StartAsync((400, throttled), (400, throttled), (200, Started));
        var client = TestClients.StepFunctions(aws.BaseUri, maxRetries: 3);

        var started = await client.StartExecutionAsync(Start);

        started.StartDate.Should().Be(new DateTime(2025, 11, 22, 3, 0, 0, 500, DateTimeKind.Utc));
        aws.Requests.Should().HaveCount(3);
        aws.Requests.Select(r => r.Headers["X-Amz-Date"]).Should().OnlyContain(d => d.Length == 16, "every attempt is signed afresh");
    }

    [Fact]
    public async Task Throttling_that_does_not_pass_is_thrown_after_the_configured_retries()
    {
        var throttled = RecordedErrorBodies.Body("com.amazonaws.swf.service.v2.model#KmsThrottlingException", "KMS rate exceeded");
        await using var aws = await ScriptedAwsServer.StartAsync((400, throttled));
        var client = TestClients.StepFunctions(aws.BaseUri, maxRetries: 2);

        var thrown = await Assert.ThrowsAsync<KmsThrottlingException>(() => client.StartExecutionAsync(Start));

        thrown.Message.Should().Be("KMS rate exceeded");
        aws.Requests.Should().HaveCount(3, "one attempt and two retries");
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var aws = await ScriptedAwsServer.StartAsync(
            (400, RecordedErrorBodies.Body("com.amazonaws.swf.service.v2.model#TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'")),
            (200, "{}"));
        var client = TestClients.StepFunctions(aws.BaseUri, maxRetries: 3);

        await Assert.ThrowsAsync<TaskTimedOutException>(
            () => client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "token", Output = "{}" }));

        aws.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_in_time_fails_with_a_timeout_naming_the_operation()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/");
        var client = ReviewerPortal.StepFunctions.StepFunctionsClient.Create(
            new() { Region = "us-east-1", ServiceUrl = endpoint, Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 2 },
            "us-east-1",
            new Amazon.Runtime.BasicAWSCredentials("testing", "testing"));

        var thrown = await Assert.ThrowsAsync<TimeoutException>(
            () => client.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = "token" }));

        thrown.Message.Should().Contain("SendTaskHeartbeat").And.Contain("0.3 s");
    }
}
