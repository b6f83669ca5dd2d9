using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Quotas;

/// <summary>Issue 14, items 3, 4, 5 and 8: input that used to crash the engine or eat its memory gets AWS's answer.</summary>
[Trait("Category", "Slow")]
public sealed class HostileInputTests
{
    private const string Pass = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task A_definition_with_a_duplicate_key_is_an_invalid_definition_for_create_and_validate()
    {
        await using var engine = EngineHarness.InMemory();
        const string duplicate = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"End":true}}}""";

        var create = () => engine.CreateAsync(duplicate);
        var validated = await engine.Api.ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest { Definition = duplicate });

        (await create.Should().ThrowAsync<InvalidDefinitionException>()).Which.Message.Should().Contain("duplicate key");
        validated.Result.Should().Be("FAIL");
    }

    [Fact]
    public async Task An_execution_input_with_a_duplicate_key_is_refused_before_it_runs()
    {
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.a","End":true}}}""");

        var start = () => engine.StartAsync(machine, """{"a":1,"a":2}""");

        await start.Should().ThrowAsync<InvalidExecutionInputException>();
        (await engine.Api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine })).Executions.Should().BeEmpty();
    }

    [Fact]
    public async Task A_definition_over_the_1_MB_quota_is_refused()
    {
        await using var engine = EngineHarness.InMemory();
        var states = new JsonObject();
        for (var i = 0; i < 30_000; i++)
        {
            states[$"State{i}"] = new JsonObject { ["Type"] = "Pass", ["Next"] = $"State{i + 1}" };
        }

        states["State30000"] = new JsonObject { ["Type"] = "Succeed" };
        var huge = new JsonObject { ["StartAt"] = "State0", ["States"] = states }.ToJsonString();

        var create = () => engine.CreateAsync(huge);

        huge.Length.Should().BeGreaterThan(1024 * 1024);
        (await create.Should().ThrowAsync<ValidationException>()).Which.Message.Should().Contain("'definition'").And.Contain("1048576");
    }

    [Fact]
    public async Task Deeply_nested_intrinsic_functions_are_refused_when_the_definition_is_created()
    {
        await using var engine = EngineHarness.InMemory();
        var call = string.Concat(Enumerable.Repeat("States.Array(", 3000)) + "1" + new string(')', 3000);
        var definition = new JsonObject
        {
            ["StartAt"] = "A",
            ["States"] = new JsonObject { ["A"] = new JsonObject { ["Type"] = "Pass", ["Parameters"] = new JsonObject { ["a.$"] = call }, ["End"] = true } },
        }.ToJsonString();

        var create = () => engine.CreateAsync(definition);

        (await create.Should().ThrowAsync<InvalidDefinitionException>()).Which.Message.Should().Contain("nested more than 16 deep");
    }

    [Fact]
    public async Task ArrayUnique_of_20000_numbers_keeps_each_value_once()
    {
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync("""{"StartAt":"U","States":{"U":{"Type":"Pass","Parameters":{"u.$":"States.ArrayUnique($.n)"},"OutputPath":"$.u","End":true}}}""");
        var numbers = new JsonArray([.. Enumerable.Range(0, 20_000).Select(i => (JsonNode?)JsonValue.Create(i % 15_000))]);

        var ended = await engine.RunToEndAsync(await engine.StartAsync(machine, new JsonObject { ["n"] = numbers }.ToJsonString()));

        ended.Status!.Value.Should().Be("SUCCEEDED");
        EngineHarness.Json(ended.Output)!.AsArray().Should().HaveCount(15_000);
    }

    [Fact]
    public async Task Requests_missing_what_AWS_requires_are_ValidationExceptions_naming_each_field()
    {
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync(Pass);

        var noRole = () => engine.Api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = "x", Definition = Pass });
        var bogusType = () => engine.Api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = "x", Definition = Pass, RoleArn = "arn:aws:iam::123456789012:role/r", Type = new StateMachineType("BOGUS") });
        var empty = () => engine.Api.CreateStateMachineAsync(new CreateStateMachineRequest());
        var negative = () => engine.Api.ListStateMachinesAsync(new ListStateMachinesRequest { MaxResults = -1 });
        var bogusFilter = () => engine.Api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, StatusFilter = new ExecutionStatus("BOGUS") });
        var noOutput = () => engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "token" });

        (await noRole.Should().ThrowAsync<ValidationException>()).Which.Message.Should().Be("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        (await bogusType.Should().ThrowAsync<ValidationException>()).Which.Message.Should().Contain("Value 'BOGUS' at 'type'");
        (await empty.Should().ThrowAsync<ValidationException>()).Which.Message.Should().StartWith("3 validation errors detected");
        (await negative.Should().ThrowAsync<ValidationException>()).Which.Message.Should().Contain("'maxResults'");
        (await bogusFilter.Should().ThrowAsync<ValidationException>()).Which.Message.Should().Contain("'statusFilter'");
        (await noOutput.Should().ThrowAsync<ValidationException>()).Which.Message.Should().Contain("'output'");
    }
}
