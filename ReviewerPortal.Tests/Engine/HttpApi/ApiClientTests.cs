using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>Our Step Functions client against the local engine's HTTP API: every operation the portal relies on, end to end.</summary>
[Trait("Category", "Slow")]
public sealed class ApiClientTests : IAsyncLifetime
{
    private EngineOverHttp _local = null!;

    public async Task InitializeAsync() => _local = await EngineOverHttp.StartAsync();

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task State_machines_are_validated_created_described_listed_by_page_updated_and_deleted()
    {
        var client = _local.Client;
        var valid = await client.ValidateStateMachineDefinitionAsync(new() { Definition = EngineOverHttp.PassDefinition });
        var invalid = await client.ValidateStateMachineDefinitionAsync(new() { Definition = """{"StartAt":"Missing","States":{"A":{"Type":"Pass","End":true}}}""" });
        valid.Result.Should().Be("OK");
        invalid.Result.Should().Be("FAIL");
        invalid.Diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Severity != null && d.Code != null && d.Message != null);

        var arns = new List<string>();
        foreach (var name in new[] { "review-urgent", "review-routine", "draft" })
        {
            arns.Add((await client.CreateStateMachineAsync(new() { Name = name, Definition = EngineOverHttp.PassDefinition, RoleArn = EngineOverHttp.RoleArn })).StateMachineArn!);
        }

        var first = await client.ListStateMachinesAsync(new() { MaxResults = 2 });
        var second = await client.ListStateMachinesAsync(new() { MaxResults = 2, NextToken = first.NextToken });
        first.StateMachines.Should().HaveCount(2);
        second.StateMachines.Should().ContainSingle();
        second.NextToken.Should().BeNull();
        first.StateMachines.Concat(second.StateMachines).Select(m => m.StateMachineArn).Should().BeEquivalentTo(arns);

        var updated = await client.UpdateStateMachineAsync(new() { StateMachineArn = arns[0], Definition = EngineOverHttp.HoldDefinition });
        updated.UpdateDate.Should().BeAfter(DateTime.UnixEpoch);
        var described = await client.DescribeStateMachineAsync(new() { StateMachineArn = arns[0] });
        described.Definition.Should().Be(EngineOverHttp.HoldDefinition);
        described.Status.Should().Be(StateMachineStatus.ACTIVE);
        described.Type.Should().Be(StateMachineType.STANDARD);

        await client.DeleteStateMachineAsync(new() { StateMachineArn = arns[2] });
        var gone = () => client.DescribeStateMachineAsync(new() { StateMachineArn = arns[2] });
        await gone.Should().ThrowAsync<StateMachineDoesNotExistException>();
        var bad = () => client.CreateStateMachineAsync(new() { Name = "broken", Definition = """{"StartAt":"X","States":{}}""", RoleArn = EngineOverHttp.RoleArn });
        await bad.Should().ThrowAsync<InvalidDefinitionException>();
    }

    [Fact]
    public async Task Starting_an_execution_is_idempotent_by_name_and_input()
    {
        var machine = await CreateAsync("hold", EngineOverHttp.HoldDefinition);

        var first = await _local.Client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "case-1", Input = """{"caseId":"C-1"}""" });
        var again = await _local.Client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "case-1", Input = """{"caseId":"C-1"}""" });
        var other = () => _local.Client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "case-1", Input = """{"caseId":"C-2"}""" });

        again.ExecutionArn.Should().Be(first.ExecutionArn);
        again.StartDate.Should().Be(first.StartDate);
        await other.Should().ThrowAsync<ExecutionAlreadyExistsException>();
    }

    [Fact]
    public async Task A_review_is_heartbeated_approved_and_a_second_approval_is_TaskTimedOut()
    {
        var machine = await CreateAsync("review", EngineOverHttp.ReviewDefinition);
        var started = await _local.Client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "case-approve", Input = """{"caseId":"C-1"}""" });
        var token = await _local.TokenOfAsync(started.ExecutionArn!);

        await _local.Client.SendTaskHeartbeatAsync(new() { TaskToken = token });
        await _local.Client.SendTaskSuccessAsync(new() { TaskToken = token, Output = """{"decision":"approved","reviewer":"dr-a"}""" });
        var done = await _local.Engine.RunToEndAsync(started.ExecutionArn!);
        var described = await _local.Client.DescribeExecutionAsync(new() { ExecutionArn = started.ExecutionArn });

        described.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        JsonNode.Parse(described.Output!)!["decision"]!["decision"]!.GetValue<string>().Should().Be("approved");
        described.StopDate.Should().Be(done.StopDate);
        var twice = () => _local.Client.SendTaskSuccessAsync(new() { TaskToken = token, Output = "{}" });
        await twice.Should().ThrowAsync<TaskTimedOutException>();
    }

    [Fact]
    public async Task A_rejection_fails_the_execution_with_the_clinicians_error_and_cause()
    {
        var machine = await CreateAsync("review", EngineOverHttp.ReviewDefinition);
        var started = await _local.Client.StartExecutionAsync(new() { StateMachineArn = machine, Name = "case-reject", Input = """{"caseId":"C-2"}""" });
        var token = await _local.TokenOfAsync(started.ExecutionArn!);

        await _local.Client.SendTaskFailureAsync(new() { TaskToken = token, Error = "ClinicianRejected", Cause = "Wrong laterality" });
        await _local.Engine.RunToEndAsync(started.ExecutionArn!);
        var described = await _local.Client.DescribeExecutionAsync(new() { ExecutionArn = started.ExecutionArn });

        described.Status.Should().Be(ExecutionStatus.FAILED);
        described.Error.Should().Be("ClinicianRejected");
        described.Cause.Should().Be("Wrong laterality");
        described.RedriveStatus.Should().Be("REDRIVABLE", "a rejected review is a FAILED Standard execution");
        var unknown = () => _local.Client.SendTaskHeartbeatAsync(new() { TaskToken = "not-a-token-the-engine-issued" });
        await unknown.Should().ThrowAsync<AmazonStepFunctionsException>().Where(e => e is InvalidTokenException || e is TaskDoesNotExistException);
    }

    [Fact]
    public async Task Executions_are_listed_by_status_and_page_stopped_and_their_history_paged_in_both_orders()
    {
        var hold = await CreateAsync("hold", EngineOverHttp.HoldDefinition);
        var pass = await CreateAsync("pass", EngineOverHttp.PassDefinition);
        var held = new List<string>();
        foreach (var name in new[] { "held-1", "held-2", "held-3" })
        {
            held.Add((await _local.Client.StartExecutionAsync(new() { StateMachineArn = hold, Name = name, Input = "{}" })).ExecutionArn!);
        }

        await _local.Client.StopExecutionAsync(new() { ExecutionArn = held[0], Error = "Superseded", Cause = "Case withdrawn" });
        var stopped = await _local.Client.DescribeExecutionAsync(new() { ExecutionArn = held[0] });
        stopped.Status.Should().Be(ExecutionStatus.ABORTED);
        stopped.StopDate.Should().NotBeNull();

        var running = await _local.Client.ListExecutionsAsync(new() { StateMachineArn = hold, StatusFilter = ExecutionStatus.RUNNING, MaxResults = 1 });
        var runningRest = await _local.Client.ListExecutionsAsync(new() { StateMachineArn = hold, StatusFilter = ExecutionStatus.RUNNING, MaxResults = 1, NextToken = running.NextToken });
        running.Executions.Should().ContainSingle();
        runningRest.Executions.Should().ContainSingle();
        running.Executions.Concat(runningRest.Executions).Select(e => e.ExecutionArn).Should().BeEquivalentTo(held[1..]);
        (await _local.Client.ListExecutionsAsync(new() { StateMachineArn = hold, StatusFilter = ExecutionStatus.ABORTED }))
            .Executions.Should().ContainSingle().Which.ExecutionArn.Should().Be(held[0]);

        var passed = (await _local.Client.StartExecutionAsync(new() { StateMachineArn = pass, Name = "pass-1", Input = """{"caseId":"C-3"}""" })).ExecutionArn!;
        await _local.Engine.RunToEndAsync(passed);
        var forward = await ReadHistoryAsync(passed, reverse: false);
        var backward = await ReadHistoryAsync(passed, reverse: true);

        forward.Select(e => e.Type).Should().Equal(
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        forward.Select(e => e.Id).Should().Equal(1, 2, 3, 4, 5, 6);
        backward.Select(e => e.Id).Should().Equal(6, 5, 4, 3, 2, 1);
        forward[0].ExecutionStartedEventDetails!.Input.Should().Be("""{"caseId":"C-3"}""");
        forward[1].StateEnteredEventDetails!.Name.Should().Be("A");
        forward.Should().OnlyContain(e => e.Timestamp > DateTime.UnixEpoch);
    }

    private async Task<List<HistoryEvent>> ReadHistoryAsync(string executionArn, bool reverse)
    {
        var events = new List<HistoryEvent>();
        string? next = null;
        do
        {
            var page = await _local.Client.GetExecutionHistoryAsync(new() { ExecutionArn = executionArn, MaxResults = 4, ReverseOrder = reverse, NextToken = next });
            page.Events.Count.Should().BeLessThanOrEqualTo(4);
            events.AddRange(page.Events);
            next = page.NextToken;
        }
        while (next is not null);
        return events;
    }

    private async Task<string> CreateAsync(string name, string definition) =>
        (await _local.Client.CreateStateMachineAsync(new() { Name = name, Definition = definition, RoleArn = EngineOverHttp.RoleArn })).StateMachineArn!;
}
