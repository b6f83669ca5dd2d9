using ReviewerPortal.Workflow.StepFunctions.Model;

namespace ReviewerPortal.Tests.Workflow.Asl.Jsonata;

/// <summary>Issue 15: JSONata state fields beyond Arguments and Output (timeouts as expressions, a Choice rule's own Output).</summary>
public sealed class JsonataStateFieldTests
{
    private const string Gate = "arn:aws:states:::aws-sdk:dynamodb:putItem";

    private static string CallbackTask(string timeouts) => $$"""
        { "QueryLanguage": "JSONata", "StartAt": "Review", "States": {
          "Review": { "Type": "Task", "Resource": "{{Gate}}.waitForTaskToken", "End": true,
                      "Arguments": { "token": "{% $states.context.Task.Token %}" }, {{timeouts}} } } }
        """;

    [Fact]
    public async Task Task_timeouts_given_as_expressions_are_evaluated_against_the_state_input()
    {
        var gate = new InboxHandler(Gate);
        await using var engine = EngineHarness.InMemory([gate]);
        var definition = CallbackTask("""
            "TimeoutSeconds": "{% $states.input.slaMinutes * 60 %}", "HeartbeatSeconds": "{% $states.input.slaMinutes * 30 %}"
            """);
        var arn = await engine.StartAsync(await engine.CreateAsync(definition), """{"slaMinutes":5}""");

        var ended = await engine.RunToEndAsync(arn);
        var scheduled = (await engine.HistoryAsync(arn)).Single(e => e.Type == HistoryEventType.TaskScheduled).TaskScheduledEventDetails!;

        scheduled.TimeoutInSeconds.Should().Be(300);
        scheduled.HeartbeatInSeconds.Should().Be(150);
        ended.Status!.Value.Should().Be("FAILED");
        ended.Error.Should().Be("States.HeartbeatTimeout", "no heartbeat came within the computed 150 seconds");
        (ended.StopDate!.Value - ended.StartDate!).TotalSeconds.Should().BeApproximately(150, 1);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("'soon'")]
    public async Task A_timeout_expression_that_is_not_a_positive_integer_fails_the_state(string expression)
    {
        await using var engine = EngineHarness.InMemory([new InboxHandler(Gate)]);
        var definition = CallbackTask($$"""
            "TimeoutSeconds": "{% {{expression}} %}"
            """);
        var arn = await engine.StartAsync(await engine.CreateAsync(definition));

        var ended = await engine.RunToEndAsync(arn);

        ended.Status!.Value.Should().Be("FAILED");
        ended.Error.Should().Be("States.QueryEvaluationError");
        ended.Cause.Should().Contain("'TimeoutSeconds'");
    }

    [Fact]
    public async Task A_matched_Choice_rule_s_Output_is_the_state_s_output_in_place_of_the_state_s_own()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Route", "States": {
              "Route": { "Type": "Choice", "Default": "Done", "Output": "{% 'state-level' %}",
                         "Choices": [ { "Condition": "{% $states.input.urgency = 'urgent' %}", "Next": "Done",
                                        "Output": { "queue": "urgent", "case": "{% $states.input.caseId %}" } } ] },
              "Done": { "Type": "Succeed" } } }
            """;
        await using var engine = EngineHarness.InMemory();
        var machine = await engine.CreateAsync(definition);

        var urgent = await engine.RunToEndAsync(await engine.StartAsync(machine, """{"urgency":"urgent","caseId":"C-1"}"""));
        var routine = await engine.RunToEndAsync(await engine.StartAsync(machine, """{"urgency":"routine","caseId":"C-2"}"""));

        urgent.Output.Should().Be("""{"queue":"urgent","case":"C-1"}""");
        routine.Output.Should().Be("\"state-level\"", "without a matched rule the state's own Output applies");
    }
}
