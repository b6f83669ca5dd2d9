using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Variables;

/// <summary>The rules around workflow variables that are not one definition and one expected end: quotas and validation.</summary>
public sealed class VariableRulesTests
{
    [Fact]
    public async Task Assigning_more_than_256_KiB_at_once_fails_the_execution_with_DataLimitExceeded_that_States_ALL_does_not_catch()
    {
        await using var engine = EngineHarness.InMemory();
        const string definition = """
            {"StartAt": "Keep", "States": {
              "Keep": {"Type": "Parallel", "Branches": [{"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}],
                       "Assign": {"first.$": "$[0].text", "second.$": "$[0].text"},
                       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "Next": "Caught"},
              "Caught": {"Type": "Succeed"}}}
            """;

        // Each variable alone is within the limit; together they are not.
        var input = new JsonObject { ["text"] = new string('x', 140 * 1024) }.ToJsonString();
        var ended = await engine.RunToEndAsync(await engine.StartAsync(await engine.CreateAsync(definition), input));

        ended.Status!.Value.Should().Be("FAILED");
        ended.Error.Should().Be("States.DataLimitExceeded");
        ended.Cause.Should().Contain("'Keep'").And.Contain("256 KiB");
    }

    [Theory]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$total", "End": true}}}""", "/States/A/ResultPath")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Assign": {"x": 1}}}}""", "/States/A/Assign")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Fail", "Assign": {"x": 1}}}}""", "/States/A/Assign")]
    [InlineData("""{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.a", "IsPresent": true, "Assign": {"x": 1}}, "Next": "E"}]}, "E": {"Type": "Succeed"}}}""", "/Choices/0/Not/Assign")]
    public async Task A_definition_that_misuses_variables_is_refused_naming_the_field(string definition, string location)
    {
        await using var engine = EngineHarness.InMemory();

        var create = () => engine.CreateAsync(definition);

        (await create.Should().ThrowAsync<InvalidDefinitionException>()).Which.Message.Should().Contain(location);
    }
}
