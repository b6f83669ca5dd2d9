using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Api;

[Trait("Category", "Slow")]
public sealed class LocalStepFunctionsTests
{
    private const string Pass = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";
    private const string Gate = """
        {"StartAt":"G","States":{"G":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
          "Parameters":{"Item":{"token":{"S.$":"$$.Task.Token"}}},"End":true}}}
        """;

    [Fact]
    public async Task State_machines_are_created_idempotently_described_listed_updated_and_deleted()
    {
        await using var engine = EngineHarness.InMemory();
        var arn = await engine.CreateAsync(Pass, "reviews");
        (await engine.CreateAsync(Pass, "reviews")).Should().Be(arn, "creating the same machine again is idempotent");
        var different = () => engine.CreateAsync("""{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}""", "reviews");
        await different.Should().ThrowAsync<StateMachineAlreadyExistsException>();

        var described = await engine.Api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn });
        described.Name.Should().Be("reviews");
        described.Type.Should().Be(StateMachineType.STANDARD);
        (await engine.Api.ListStateMachinesAsync(new ListStateMachinesRequest())).StateMachines.Should().ContainSingle(m => m.StateMachineArn == arn);

        await engine.Api.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = arn, Definition = Gate });
        (await engine.Api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn })).Definition.Should().Be(Gate);

        await engine.Api.DeleteStateMachineAsync(new DeleteStateMachineRequest { StateMachineArn = arn });
        var gone = () => engine.Api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn });
        await gone.Should().ThrowAsync<StateMachineDoesNotExistException>();
    }

    [Fact]
    public async Task Bad_requests_get_the_service_errors()
    {
        await using var engine = EngineHarness.InMemory();
        var invalid = () => engine.CreateAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""");
        (await invalid.Should().ThrowAsync<InvalidDefinitionException>()).Which.Message.Should().Contain("/States/A/Next");
        var badArn = () => engine.Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "not-an-arn" });
        await badArn.Should().ThrowAsync<InvalidArnException>();
        var missing = () => engine.Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:m:x" });
        await missing.Should().ThrowAsync<ExecutionDoesNotExistException>();
        var machine = await engine.CreateAsync(Pass);
        var badInput = () => engine.StartAsync(machine, "{not json");
        await badInput.Should().ThrowAsync<InvalidExecutionInputException>();
        var badName = () => engine.StartAsync(machine, "{}", "has space");
        await badName.Should().ThrowAsync<InvalidNameException>();
        var malformedToken = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "guess", Output = "{}" });
        await malformedToken.Should().ThrowAsync<InvalidTokenException>();
        var unknownToken = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = new string('A', 43), Output = "{}" });
        await unknownToken.Should().ThrowAsync<TaskDoesNotExistException>();
    }

    [Fact]
    public async Task StartExecution_is_idempotent_by_name_while_running_and_refuses_a_different_input()
    {
        await using var engine = EngineHarness.InMemory([new InboxHandler("arn:aws:states:::aws-sdk:dynamodb:putItem")]);
        var machine = await engine.CreateAsync(Gate);
        var first = await engine.StartAsync(machine, """{"a":1}""", "case-7");

        (await engine.StartAsync(machine, """{"a":1}""", "case-7")).Should().Be(first);
        var different = () => engine.StartAsync(machine, """{"a":2}""", "case-7");
        await different.Should().ThrowAsync<ExecutionAlreadyExistsException>();
    }

    [Fact]
    public async Task Executions_are_listed_by_status_page_by_page_and_history_reads_backwards()
    {
        await using var engine = EngineHarness.InMemory([new InboxHandler("arn:aws:states:::aws-sdk:dynamodb:putItem")]);
        var passing = await engine.CreateAsync(Pass, "passing");
        for (var i = 0; i < 5; i++)
        {
            await engine.RunToEndAsync(await engine.StartAsync(passing, "{}", "run-" + i));
        }

        var pages = new List<ExecutionListItem>();
        string? next = null;
        do
        {
            var page = await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passing, MaxResults = 2, NextToken = next, StatusFilter = ExecutionStatus.SUCCEEDED });
            page.Executions.Count.Should().BeLessThanOrEqualTo(2);
            pages.AddRange(page.Executions);
            next = page.NextToken;
        }
        while (next is not null);
        pages.Select(e => e.Name).Should().BeEquivalentTo(["run-0", "run-1", "run-2", "run-3", "run-4"]);
        (await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passing, StatusFilter = ExecutionStatus.RUNNING })).Executions.Should().BeEmpty();

        var arn = pages[0].ExecutionArn!;
        var reversed = await engine.Api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, ReverseOrder = true, MaxResults = 2 });
        reversed.Events.Select(e => e.Type).Should().Equal("ExecutionSucceeded", "PassStateExited");
        var rest = await engine.Api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, ReverseOrder = true, NextToken = reversed.NextToken });
        rest.Events.Select(e => e.Type).Should().Equal("PassStateEntered", "ExecutionStarted");
        rest.NextToken.Should().BeNull();
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_reports_each_error_with_code_and_location()
    {
        await using var engine = EngineHarness.InMemory();
        var result = await engine.Api.ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest
        {
            Definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"C":{"Type":"Wait","End":true}}}""",
        });

        result.Result.Should().Be("FAIL");
        result.Diagnostics.Should().Contain(d => d.Location == "/States/A/Next" && d.Code == "SCHEMA_VALIDATION_FAILED" && d.Severity == "ERROR");
        result.Diagnostics.Should().Contain(d => d.Location == "/States/C" && d.Message!.Contains("exactly one of Seconds", StringComparison.Ordinal));
        (await engine.Api.ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest { Definition = Pass })).Result.Should().Be("OK");
        (await engine.Api.ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest { Definition = "{" })).Diagnostics
            .Should().ContainSingle(d => d.Code == "INVALID_JSON_DESCRIPTION");
    }

    [Fact]
    public async Task A_parked_gate_holds_no_frames_and_StopExecution_aborts_it()
    {
        var inbox = new InboxHandler("arn:aws:states:::aws-sdk:dynamodb:putItem");
        await using var engine = EngineHarness.InMemory([inbox]);
        var arn = await engine.StartAsync(await engine.CreateAsync(Gate), "{}");
        await engine.WaitForEventAsync(arn, "TaskSubmitted");
        for (var i = 0; i < 100 && engine.Engine.ParkedCount == 0; i++)
        {
            await Task.Delay(20);
        }

        engine.Engine.ParkedCount.Should().Be(1);
        engine.Engine.ActiveCount.Should().Be(0);

        await engine.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn, Error = "Operator", Cause = "duplicate case" });

        var stopped = await engine.DescribeAsync(arn);
        stopped.Status.Should().Be(ExecutionStatus.ABORTED);
        (await engine.HistoryAsync(arn)).Last().Type.Should().Be("ExecutionAborted");
        var late = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = inbox.Calls.Single().TaskToken, Output = "{}" });
        await late.Should().ThrowAsync<TaskTimedOutException>();
    }

    [Fact]
    public async Task Issued_task_tokens_never_start_with_a_dash_so_the_AWS_CLI_reads_them_as_values_and_older_tokens_still_resolve()
    {
        var inbox = new InboxHandler("arn:aws:states:::aws-sdk:dynamodb:putItem");
        await using var engine = EngineHarness.InMemory([inbox]);
        var machine = await engine.CreateAsync(Gate);
        for (var i = 0; i < 64; i++)
        {
            await engine.WaitForEventAsync(await engine.StartAsync(machine, "{}"), "TaskSubmitted");
        }

        inbox.Calls.Select(c => c.TaskToken).Should().HaveCount(64).And.OnlyContain(t => t != null && t.StartsWith("AQ", StringComparison.Ordinal) && t.Length == 45);
        var legacyForm = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "-" + new string('A', 42), Output = "{}" });
        await legacyForm.Should().ThrowAsync<TaskDoesNotExistException>("a 43-character token of an earlier release is well formed, merely unknown here");
    }

    [Fact]
    public async Task An_oversized_callback_output_is_a_validation_error_as_on_the_service_and_the_gate_stays_open()
    {
        var inbox = new InboxHandler("arn:aws:states:::aws-sdk:dynamodb:putItem");
        await using var engine = EngineHarness.InMemory([inbox]);
        var arn = await engine.StartAsync(await engine.CreateAsync(Gate), "{}");
        await engine.WaitForEventAsync(arn, "TaskSubmitted");
        var token = inbox.Calls.Single().TaskToken;

        var oversized = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = $"{{\"text\":\"{new string('x', 262_144)}\"}}" });

        (await oversized.Should().ThrowAsync<ValidationException>()).Which.Message.Should().Contain("262144");
        await engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = """{"decision":"approve"}""" });
        await engine.WaitForEventAsync(arn, "ExecutionSucceeded");
    }
}
