using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.StepFunctions;

/// <summary>
/// Our client against moto's Step Functions server, which really executes state machines (a review gate that writes
/// its task token to moto's DynamoDB and waits). Executions are always named on moto.
/// </summary>
[Trait("Category", "Slow")]
public class StepFunctionsClientMotoTests : IAsyncLifetime
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/review-workflow";

    private const string ReviewGate = """
        {
          "StartAt": "ReviewGate",
          "States": {
            "ReviewGate": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
              "Parameters": {
                "TableName": "review-tasks",
                "Item": { "pk": { "S.$": "$$.Execution.Name" }, "taskToken": { "S.$": "$$.Task.Token" } }
              },
              "HeartbeatSeconds": 3600,
              "End": true
            }
          }
        }
        """;

    private const string WaitLong = """{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":600,"End":true}}}""";

    private const string PassThrough = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";

    private LoopbackServer _moto = null!;
    private StepFunctionsClient _client = null!;

    public async Task InitializeAsync()
    {
        _moto = await TestServers.StartMotoAsync();
        _client = TestClients.StepFunctions(_moto.BaseUri);
    }

    public async Task DisposeAsync() => await _moto.DisposeAsync();

    [Fact]
    public async Task Approving_a_waiting_review_gate_resumes_the_execution_with_the_decision_as_output()
    {
        var (execution, token) = await StartReviewAsync("case-approve");

        await _client.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = token });
        await _client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = """{"decision":"approved","reviewer":"dr-a"}""" });

        var described = await WaitUntilDoneAsync(execution);
        described.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        described.Output.Should().Contain("approved");
    }

    [Fact]
    public async Task Rejecting_a_waiting_review_gate_fails_the_execution_with_the_clinicians_error()
    {
        var (execution, token) = await StartReviewAsync("case-reject");

        await _client.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = token, Error = "ClinicianRejected", Cause = "Wrong laterality" });

        var described = await WaitUntilDoneAsync(execution);
        described.Status.Should().Be(ExecutionStatus.FAILED);
        var history = await _client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = execution, ReverseOrder = true });
        history.Events.Should().Contain(e => e.ExecutionFailedEventDetails != null && e.ExecutionFailedEventDetails.Error == "ClinicianRejected");
    }

    [Fact]
    public async Task A_token_used_twice_is_refused_with_moto_s_InvalidToken_error()
    {
        var (execution, token) = await StartReviewAsync("case-twice");
        await _client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = "{}" });
        await WaitUntilDoneAsync(execution);

        // AWS answers TaskTimedOut here; moto answers InvalidToken (docs/platform.md, "Where moto differs from AWS"). Either way a typed exception.
        var again = () => _client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = "{}" });

        await again.Should().ThrowAsync<InvalidTokenException>();
    }

    [Fact]
    public async Task Executions_are_described_listed_by_status_stopped_and_their_history_read()
    {
        var waiting = await CreateStateMachineAsync("hold", WaitLong);
        var passing = await CreateStateMachineAsync("pass", PassThrough);
        var held = await _client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = waiting, Name = "held-1", Input = """{"caseId":"C-1"}""" });
        var done = await _client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = passing, Name = "pass-1", Input = """{"caseId":"C-2"}""" });

        var describedHeld = await _client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = held.ExecutionArn });
        describedHeld.Name.Should().Be("held-1");
        describedHeld.Status.Should().Be(ExecutionStatus.RUNNING);
        describedHeld.Input.Should().Be("""{"caseId":"C-1"}""");
        describedHeld.StartDate.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));

        var running = await _client.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = waiting, StatusFilter = ExecutionStatus.RUNNING });
        running.Executions.Should().ContainSingle().Which.ExecutionArn.Should().Be(held.ExecutionArn);

        // moto answers StopExecution before it records the stop date (AWS returns it); the execution's state is what counts.
        await _client.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = held.ExecutionArn, Error = "Superseded", Cause = "Case withdrawn" });
        var abortedHeld = await WaitUntilDoneAsync(held.ExecutionArn!);
        abortedHeld.Status.Should().Be(ExecutionStatus.ABORTED);
        abortedHeld.StopDate.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));

        await WaitUntilDoneAsync(done.ExecutionArn!);
        // moto returns the whole history in one page (it ignores maxResults); paging is tested against the local engine.
        var history = await _client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = done.ExecutionArn });
        history.Events.Select(e => e.Type).Should().StartWith(HistoryEventType.ExecutionStarted).And.EndWith(HistoryEventType.ExecutionSucceeded);
        history.Events.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(history.Events[0].ExecutionStartedEventDetails!.Input!),
            System.Text.Json.Nodes.JsonNode.Parse("""{"caseId":"C-2"}""")).Should().BeTrue();
    }

    [Fact]
    public async Task Executions_are_listed_page_by_page()
    {
        var passing = await CreateStateMachineAsync("paged", PassThrough);
        var names = new[] { "run-1", "run-2", "run-3" };
        foreach (var name in names)
        {
            await _client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = passing, Name = name, Input = "{}" });
        }

        var first = await _client.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passing, MaxResults = 2 });
        var second = await _client.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passing, MaxResults = 2, NextToken = first.NextToken });

        first.Executions.Should().HaveCount(2);
        first.NextToken.Should().NotBeNullOrEmpty();
        second.Executions.Should().ContainSingle();
        second.NextToken.Should().BeNull();
        first.Executions.Concat(second.Executions).Select(e => e.Name).Should().BeEquivalentTo(names);
    }

    [Fact]
    public async Task State_machines_are_created_described_listed_and_deleted()
    {
        var arn = await CreateStateMachineAsync("lifecycle", PassThrough);

        var described = await _client.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn });
        described.Name.Should().Be("lifecycle");
        described.Definition.Should().Be(PassThrough);
        described.Type.Should().Be(StateMachineType.STANDARD);
        (await _client.ListStateMachinesAsync(new ListStateMachinesRequest())).StateMachines.Should().Contain(m => m.StateMachineArn == arn);

        await _client.DeleteStateMachineAsync(new DeleteStateMachineRequest { StateMachineArn = arn });

        var gone = () => _client.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn });
        await gone.Should().ThrowAsync<StateMachineDoesNotExistException>();
    }

    [Fact]
    public async Task Unknown_executions_are_reported_as_ExecutionDoesNotExist()
    {
        var arn = await CreateStateMachineAsync("known", PassThrough);
        var missing = arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":nope";

        var describe = () => _client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = missing });

        await describe.Should().ThrowAsync<ExecutionDoesNotExistException>();
    }

    [Fact]
    public async Task A_Distributed_Map_run_is_listed_and_described_with_its_item_counts()
    {
        var machine = await CreateStateMachineAsync("fan-out", """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemProcessor":{
              "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"Each","States":{"Each":{"Type":"Pass","End":true}}},"End":true}}}
            """);
        var started = await _client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "fan-1", Input = "[1,2,3]" });
        (await WaitUntilDoneAsync(started.ExecutionArn!)).Status.Should().Be(ExecutionStatus.SUCCEEDED);

        var runs = await _client.ListMapRunsAsync(new ListMapRunsRequest { ExecutionArn = started.ExecutionArn });
        var run = runs.MapRuns.Should().ContainSingle().Subject;
        var described = await _client.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = run.MapRunArn });

        run.ExecutionArn.Should().Be(started.ExecutionArn);
        described.MapRunArn.Should().Be(run.MapRunArn);
        described.Status.Should().Be("SUCCEEDED");
        described.ItemCounts!.Total.Should().Be(3);
        described.ItemCounts.Succeeded.Should().Be(3);
        described.StartDate.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
    }

    private async Task<string> CreateStateMachineAsync(string name, string definition) =>
        (await _client.CreateStateMachineAsync(new CreateStateMachineRequest { Name = name, Definition = definition, RoleArn = RoleArn })).StateMachineArn!;

    /// <summary>Starts the review gate and returns the token it wrote to moto's DynamoDB.</summary>
    private async Task<(string ExecutionArn, string Token)> StartReviewAsync(string name)
    {
        using var dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials("testing", "testing"), new AmazonDynamoDBConfig { ServiceURL = _moto.BaseUri.ToString(), AuthenticationRegion = "us-east-1" });
        try
        {
            await dynamo.CreateTableAsync(new CreateTableRequest
            {
                TableName = "review-tasks",
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
        }
        catch (ResourceInUseException)
        {
            // The table is shared by the executions of one test.
        }

        var machine = await CreateStateMachineAsync("review-" + name, ReviewGate);
        var started = await _client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = name, Input = "{}" });
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var item = await dynamo.GetItemAsync("review-tasks", new Dictionary<string, AttributeValue> { ["pk"] = new(name) });
            if (item.Item is { Count: > 0 } found)
            {
                return (started.ExecutionArn!, found["taskToken"].S);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"moto's review gate never wrote the task item of {name}:\n{_moto.Log}");
    }

    private async Task<DescribeExecutionResponse> WaitUntilDoneAsync(string executionArn)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var described = await _client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });
            if (described.Status != ExecutionStatus.RUNNING)
            {
                return described;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{executionArn} is still running on moto.");
    }
}
