using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Jsonata;

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

        var ended = await engine.RunToEndAsync(arn, timersWithin: TimeSpan.FromSeconds(150));
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
    public async Task Map_MaxConcurrency_given_as_an_expression_limits_the_iterations_running_at_once()
    {
        var gate = new InboxHandler(Gate);
        await using var engine = EngineHarness.InMemory([gate]);
        var definition = $$"""
            { "QueryLanguage": "JSONata", "StartAt": "Each", "States": {
              "Each": { "Type": "Map", "End": true, "Items": "{% $states.input.cases %}", "MaxConcurrency": "{% $states.input.reviewers %}",
                        "ItemProcessor": { "StartAt": "Review", "States": {
                          "Review": { "Type": "Task", "Resource": "{{Gate}}.waitForTaskToken", "End": true,
                                      "Arguments": { "token": "{% $states.context.Task.Token %}" } } } } } } }
            """;
        var arn = await engine.StartAsync(await engine.CreateAsync(definition), """{"cases":["a","b","c","d"],"reviewers":1}""");

        for (var answered = 0; answered < 4; answered++)
        {
            var call = await WaitForCallAsync(gate, answered);
            await engine.Api.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = call.TaskToken, Output = "\"done\"" });
        }

        var ended = await engine.RunToEndAsync(arn);
        var tasks = (await engine.HistoryAsync(arn)).Where(e => e.Type is HistoryEventType.TaskScheduled or HistoryEventType.TaskSucceeded).Select(e => e.Type);

        ended.Output.Should().Be("""["done","done","done","done"]""");
        tasks.Should().Equal(Enumerable.Repeat(new[] { HistoryEventType.TaskScheduled, HistoryEventType.TaskSucceeded }, 4).SelectMany(pair => pair),
            "with one reviewer each case is scheduled only after the previous one ended");
    }

    [Fact]
    public async Task A_MaxConcurrency_expression_that_is_negative_fails_the_state()
    {
        await using var engine = EngineHarness.InMemory();
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Each", "States": {
              "Each": { "Type": "Map", "End": true, "MaxConcurrency": "{% -1 %}",
                        "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } } } } }
            """;

        var ended = await engine.RunToEndAsync(await engine.StartAsync(await engine.CreateAsync(definition), "[1,2]"));

        ended.Error.Should().Be("States.QueryEvaluationError");
        ended.Cause.Should().Contain("'MaxConcurrency'");
    }

    private static async Task<ReviewerPortal.Engine.Resources.ResourceInvocation> WaitForCallAsync(InboxHandler gate, int index)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (gate.Calls.Count <= index)
        {
            await Task.Delay(10, limit.Token);
        }

        return gate.Calls.ElementAt(index);
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
