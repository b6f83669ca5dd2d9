using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.StepFunctions;

/// <summary>Bad callbacks fail with a plain message before anything leaves the process (the server counts requests).</summary>
public class CallbackRequestChecksTests
{
    private const string Token = "AQCEAAAAKgAAAAMAAAAAAAAAAZ3x";

    public static TheoryData<string, Func<ReviewerPortal.StepFunctions.IAmazonStepFunctions, Task>, Type, string> BadCallbacks { get; } = new()
    {
        { "output over 256 KiB", c => c.SendTaskSuccessAsync(new() { TaskToken = Token, Output = JsonString(262_145) }), typeof(ValidationException), "262,145 bytes" },
        { "output that is not JSON", c => c.SendTaskSuccessAsync(new() { TaskToken = Token, Output = "{\"decision\":" }), typeof(InvalidOutputException), "not valid JSON" },
        { "output with trailing text", c => c.SendTaskSuccessAsync(new() { TaskToken = Token, Output = "{} {}" }), typeof(InvalidOutputException), "not valid JSON" },
        { "missing output", c => c.SendTaskSuccessAsync(new() { TaskToken = Token }), typeof(ValidationException), "output is missing" },
        { "empty token", c => c.SendTaskSuccessAsync(new() { TaskToken = "", Output = "{}" }), typeof(ValidationException), "token is empty" },
        { "token over 2048", c => c.SendTaskHeartbeatAsync(new() { TaskToken = new string('t', 2049) }), typeof(ValidationException), "2,049 characters" },
        { "missing token", c => c.SendTaskFailureAsync(new() { Error = "ClinicianRejected" }), typeof(ValidationException), "token is empty" },
        { "error over 256", c => c.SendTaskFailureAsync(new() { TaskToken = Token, Error = new string('E', 257) }), typeof(ValidationException), "error name is 257" },
        { "cause over 32768", c => c.SendTaskFailureAsync(new() { TaskToken = Token, Error = "ClinicianRejected", Cause = new string('c', 32_769) }), typeof(ValidationException), "cause is 32,769" },
        { "stop cause over 32768", c => c.StopExecutionAsync(new() { ExecutionArn = "arn:aws:states:us-east-1:1:execution:m:e", Cause = new string('c', 32_769) }), typeof(ValidationException), "cause is 32,769" },
    };

    [Theory]
    [MemberData(nameof(BadCallbacks))]
    public async Task A_callback_beyond_the_service_limits_fails_clearly_and_sends_nothing(
        string bad, Func<ReviewerPortal.StepFunctions.IAmazonStepFunctions, Task> call, Type expected, string messagePart)
    {
        await using var aws = await ScriptedAwsServer.StartAsync((200, "{}"));
        var client = TestClients.StepFunctions(aws.BaseUri);

        var thrown = await Assert.ThrowsAnyAsync<AmazonStepFunctionsException>(() => call(client));

        thrown.Should().BeOfType(expected, bad);
        thrown.Message.Should().StartWith("Not sent to Step Functions: ").And.Contain(messagePart);
        aws.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Callbacks_exactly_at_the_limits_are_sent()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((200, "{}"));
        var client = TestClients.StepFunctions(aws.BaseUri);
        var longestToken = new string('t', 2048);

        await client.SendTaskSuccessAsync(new() { TaskToken = longestToken, Output = JsonString(262_144) });
        await client.SendTaskFailureAsync(new() { TaskToken = "t", Error = new string('E', 256), Cause = new string('c', 32_768) });

        aws.Requests.Should().HaveCount(2);
        System.Text.Encoding.UTF8.GetByteCount(System.Text.Json.JsonDocument.Parse(aws.Requests[0].Body).RootElement.GetProperty("output").GetString()!)
            .Should().Be(262_144);
    }

    [Fact]
    public async Task Valid_output_nested_deeper_than_the_JSON_reader_default_is_sent()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((200, "{}"));
        var client = TestClients.StepFunctions(aws.BaseUri);

        await client.SendTaskSuccessAsync(new() { TaskToken = Token, Output = new string('[', 100) + new string(']', 100) });

        aws.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Output_size_counts_UTF8_bytes_not_characters()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((200, "{}"));
        var client = TestClients.StepFunctions(aws.BaseUri);

        // 131,072 "é" are 131,074 characters of JSON but 262,146 bytes.
        var output = "\"" + new string('é', 131_072) + "\"";
        var thrown = await Assert.ThrowsAsync<ValidationException>(() => client.SendTaskSuccessAsync(new() { TaskToken = Token, Output = output }));

        thrown.Message.Should().Contain("262,146 bytes");
        aws.Requests.Should().BeEmpty();
    }

    /// <summary>A JSON string document of exactly <paramref name="bytes"/> bytes (quotes included).</summary>
    private static string JsonString(int bytes) => "\"" + new string('x', bytes - 2) + "\"";
}
