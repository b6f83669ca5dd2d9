using ReviewerPortal.Engine.Parsing;

namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>JSONata state machines run on the local engine as Step Functions documents them.</summary>
public sealed class JsonataStatesTests
{
    private static async Task<(string Status, string? Output, string? Error, string? Cause)> RunAsync(string definition, string input = "{}", TimeSpan timersWithin = default)
    {
        await using var engine = EngineHarness.InMemory();
        var arn = await engine.StartAsync(await engine.CreateAsync(definition), input);
        var ended = await engine.RunToEndAsync(arn, timersWithin);
        return (ended.Status!.Value, ended.Output, ended.Error, ended.Cause);
    }

    [Fact]
    public async Task Output_computes_a_due_time_from_the_creation_time_and_the_SLA()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Due", "States": { "Due": { "Type": "Pass", "End": true,
              "Output": { "caseId": "{% $states.input.caseId %}",
                          "dueAt": "{% $fromMillis($toMillis($states.input.createdAt) + $states.input.slaSeconds * 1000) %}" } } } }
            """;

        var run = await RunAsync(definition, """{"caseId":"C-7","createdAt":"2026-12-07T10:00:00.000Z","slaSeconds":3600}""");

        run.Status.Should().Be("SUCCEEDED");
        EngineHarness.Json(run.Output)!.ToJsonString().Should().Be("""{"caseId":"C-7","dueAt":"2026-12-07T11:00:00.000Z"}""");
    }

    [Fact]
    public async Task Assign_sets_variables_that_later_states_read_in_either_language()
    {
        const string definition = """
            { "StartAt": "Count", "States": {
              "Count": { "Type": "Pass", "QueryLanguage": "JSONata", "Next": "Report",
                         "Assign": { "total": "{% $count($states.input.items) %}", "first": "{% $states.input.items[0] %}" } },
              "Report": { "Type": "Pass", "QueryLanguage": "JSONata", "Next": "Legacy",
                          "Output": "{% $first & ' of ' & $total %}" },
              "Legacy": { "Type": "Pass", "End": true, "Parameters": { "total.$": "$total" } } } }
            """;

        var run = await RunAsync(definition, """{"items":["a","b","c"]}""");

        run.Output.Should().Be("""{"total":3}""");
    }

    [Fact]
    public async Task A_Choice_Condition_picks_the_first_rule_that_holds()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Route", "States": {
              "Route": { "Type": "Choice", "Default": "Routine",
                         "Choices": [ { "Condition": "{% $states.input.urgency = 'urgent' %}", "Next": "Urgent",
                                        "Assign": { "queue": "urgent" } } ] },
              "Urgent": { "Type": "Pass", "End": true, "Output": "{% $queue %}" },
              "Routine": { "Type": "Pass", "End": true, "Output": "routine" } } }
            """;

        (await RunAsync(definition, """{"urgency":"urgent"}""")).Output.Should().Be("\"urgent\"");
        (await RunAsync(definition, """{"urgency":"routine"}""")).Output.Should().Be("\"routine\"");
    }

    [Fact]
    public async Task A_Map_takes_its_Items_and_ItemSelector_from_expressions()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Each", "States": { "Each": { "Type": "Map", "End": true,
              "Items": "{% $states.input.studies[modality = 'CT'] %}",
              "ItemSelector": { "id": "{% $states.context.Map.Item.Value.id %}", "index": "{% $states.context.Map.Item.Index %}" },
              "ItemProcessor": { "StartAt": "Tag", "States": { "Tag": { "Type": "Pass", "End": true,
                "Output": "{% $states.input.id & '#' & $states.input.index %}" } } } } } }
            """;

        var run = await RunAsync(definition, """{"studies":[{"id":"S1","modality":"CT"},{"id":"S2","modality":"MR"},{"id":"S3","modality":"CT"}]}""");

        run.Output.Should().Be("""["S1#0","S3#1"]""");
    }

    [Fact]
    public async Task A_catcher_Output_and_Assign_read_the_error_output()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Work", "States": {
              "Work": { "Type": "Parallel", "Next": "Done", "Arguments": "{% $states.input.job %}",
                        "Branches": [ { "StartAt": "Boom", "States": { "Boom": { "Type": "Fail", "Error": "DraftMissing",
                                        "Cause": "{% 'no draft for ' & $states.input %}" } } } ],
                        "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Done",
                                     "Assign": { "failed": "{% $states.errorOutput.Error %}" },
                                     "Output": { "why": "{% $states.errorOutput.Cause %}", "was": "{% $states.input.job %}" } } ] },
              "Done": { "Type": "Pass", "End": true, "Output": "{% $merge([$states.input, { 'error': $failed }]) %}" } } }
            """;

        var run = await RunAsync(definition, """{"job":"C-9"}""");

        run.Output.Should().Be("""{"why":"no draft for C-9","was":"C-9","error":"DraftMissing"}""");
    }

    [Fact]
    public async Task Wait_and_Fail_take_their_values_from_expressions()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Pause", "States": {
              "Pause": { "Type": "Wait", "Seconds": "{% $states.input.delay * 2 %}", "Next": "Stop" },
              "Stop": { "Type": "Fail", "Error": "{% 'Case' & $states.input.code %}", "Cause": "{% $string($states.input) %}" } } }
            """;

        var run = await RunAsync(definition, """{"delay":5,"code":"Closed"}""", timersWithin: TimeSpan.FromSeconds(10));

        (run.Status, run.Error, run.Cause).Should().Be(("FAILED", "CaseClosed", """{"delay":5,"code":"Closed"}"""));
    }

    [Fact]
    public async Task An_expression_that_throws_fails_the_state_with_its_JSONata_code()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Add", "States": { "Add": { "Type": "Pass", "End": true,
              "Output": { "sum": "{% $states.input.a + 1 %}" } } } }
            """;

        var run = await RunAsync(definition, """{"a":"one"}""");

        run.Error.Should().Be("States.QueryEvaluationError");
        run.Cause.Should().Be("An error occurred while executing the state 'Add' (entered at the event id #2). The JSONata expression "
            + "'$states.input.a + 1' specified for the field 'Output/sum' threw an error during evaluation. "
            + "T2001: The left side of the \"+\" operator must evaluate to a number");
    }

    [Fact]
    public async Task An_endless_recursion_fails_the_state_instead_of_hanging_the_engine()
    {
        const string definition = """
            { "QueryLanguage": "JSONata", "StartAt": "Loop", "States": { "Loop": { "Type": "Pass", "End": true,
              "Output": "{% ($f := function($n){ $f($n + 1) }; $f(0)) %}" } } }
            """;

        var run = await RunAsync(definition);

        run.Error.Should().Be("States.QueryEvaluationError");
        run.Cause.Should().Contain("U1001: Stack overflow error");
    }

    [Theory]
    [InlineData("$partition([1, 2, 3, 4, 5], 2)", "[[1,2],[3,4],[5]]")]
    [InlineData("$range(0, 10, 5)", "[0,5,10]")]
    [InlineData("$hash('abc', 'SHA-256')", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")]
    [InlineData("$random(7) = $random(7)", "true")]
    [InlineData("$contains($uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/)", "true")]
    [InlineData("$parse('{\"a\": [1, true]}')", "{\"a\":[1,true]}")]
    [InlineData("$exists($eval)", "false")]
    public async Task The_functions_Step_Functions_adds_to_JSONata_work(string expression, string expected)
    {
        var definition = $$"""
            { "QueryLanguage": "JSONata", "StartAt": "F", "States": { "F": { "Type": "Pass", "End": true,
              "Output": {{System.Text.Json.JsonSerializer.Serialize("{% " + expression + " %}")}} } } }
            """;

        (await RunAsync(definition)).Output.Should().Be(expected);
    }

    [Theory]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "InputPath": "$.a" } } }""",
        "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage")]
    [InlineData("""{ "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "Output": "{% 1 %}" } } }""",
        "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "C", "States": { "C": { "Type": "Choice", "Default": "D", "Choices": [ { "Variable": "$.a", "StringEquals": "x", "Next": "D" } ] }, "D": { "Type": "Succeed" } } }""",
        "The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage")]
    [InlineData("""{ "StartAt": "C", "States": { "C": { "Type": "Choice", "Default": "D", "Choices": [ { "Condition": "{% true %}", "Next": "D" } ] }, "D": { "Type": "Succeed" } } }""",
        "The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "QueryLanguage": "JSONPath" } } }""",
        "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "Output": { "a": "{% 1 + 2" } } } }""",
        "JSONata string must start with {% and end with %}")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "Output": "{% 1 + %}" } } }""",
        "The JSONata expression at /States/P/Output is not valid: S0207")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "Output": "{% $.caseId %}" } } }""",
        "reads '$', '$$' or a field name at its top level")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "Output": { "id": "{% caseId %}" } } } }""",
        "The JSONata expression 'caseId' in Output/id reads")]
    [InlineData("""{ "QueryLanguage": "XPath", "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } }""",
        "The QueryLanguage 'XPath' is not supported")]
    public void A_definition_mixing_the_languages_fields_is_refused_with_a_clear_message(string definition, string message)
    {
        var parsed = DefinitionParser.Parse(definition);

        parsed.IsValid.Should().BeFalse();
        parsed.Errors.Should().Contain(e => e.Message.Contains(message, StringComparison.Ordinal), "got: {0}", string.Join(" | ", parsed.Errors));
    }
}
