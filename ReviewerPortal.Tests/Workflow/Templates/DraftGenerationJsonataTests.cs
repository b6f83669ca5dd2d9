using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>The JSONata variant of draft-generation does what the JSONPath template does, on the local engine.</summary>
public class DraftGenerationJsonataTests
{
    [Fact]
    public async Task The_JSONata_variant_stores_the_same_draft_and_returns_the_same_result_as_the_JSONPath_template()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var definition = TemplatePlaceholders.Substitute(BundledTemplates.DraftGenerationJsonata.ReadDefinition(), h.Values.Substitutions("unused"));
        var jsonata = (await h.Api.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "draft-generation-jsonata", Definition = definition, RoleArn = "arn:aws:iam::123456789012:role/local", Type = StateMachineType.EXPRESS,
        })).StateMachineArn!;
        var jsonPath = (await h.Api.ListStateMachinesAsync(new ListStateMachinesRequest())).StateMachines.Single(m => m.Name == "draft-generation").StateMachineArn!;
        const string input = """
            {"caseId":"RP-2001","reviewExecutionName":"first-look","attempt":2,"indication":"Sudden left-sided weakness.",
             "revisionReason":"Mention the <b>hyperdense</b> MCA sign.","study":{"modality":"CT","description":"CT HEAD WITHOUT CONTRAST","series":3}}
            """;

        var fromJsonPath = await RunAsync(h, jsonPath, input, "jsonpath-run");
        var fromJsonata = await RunAsync(h, jsonata, input, "jsonata-run");

        fromJsonata.ToJsonString().Should().Be(fromJsonPath.ToJsonString());
        fromJsonata["key"]!.GetValue<string>().Should().Be("drafts/RP-2001/first-look/attempt-2.md");
        (await h.ReadAsync(fromJsonata["draftUri"]!.GetValue<string>())).Should().Contain("## FINDINGS");
    }

    private static async Task<JsonNode> RunAsync(StudyReviewHarness h, string machine, string input, string name)
    {
        var started = await h.Api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = name, Input = input });
        var ended = await h.RunToEndAsync(started.ExecutionArn!);
        ended.Status.Should().Be(ExecutionStatus.SUCCEEDED, ended.Cause);
        return StudyReviewHarness.Json(ended.Output);
    }
}
