using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflow.Templates;

public class TemplatePlaceholdersTests
{
    [Fact]
    public void Every_placeholder_of_the_bundled_templates_has_a_configured_value()
    {
        var known = new WorkflowTemplateOptions().Substitutions("arn").Keys;
        foreach (var template in BundledTemplates.All)
        {
            TemplatePlaceholders.Find(template.ReadDefinition()).Should().BeSubsetOf(known, template.Name);
        }
    }

    [Fact]
    public void Substitution_leaves_no_placeholder_and_keeps_the_definition_valid_json()
    {
        var values = new WorkflowTemplateOptions { DraftBucket = "drafts-bucket" }.Substitutions("arn:aws:states:us-east-1:000000000000:stateMachine:draft-generation");
        var definition = TemplatePlaceholders.Substitute(BundledTemplates.StudyReview.ReadDefinition(), values);

        definition.Should().NotContain("${");
        var states = JsonNode.Parse(definition)!["States"]!;
        states["GenerateDraft"]!["Parameters"]!["StateMachineArn"]!.GetValue<string>()
            .Should().Be("arn:aws:states:us-east-1:000000000000:stateMachine:draft-generation");
        states["PlanManualDraft"]!["Parameters"]!["bucket"]!.GetValue<string>().Should().Be("drafts-bucket");
    }

    [Fact]
    public void A_missing_value_is_an_error_naming_the_placeholder()
    {
        var act = () => TemplatePlaceholders.Substitute("""{"a":"${DraftBucket}","b":"${ReportBucket}"}""", new Dictionary<string, string> { ["DraftBucket"] = "x" });
        act.Should().Throw<InvalidOperationException>().WithMessage("*ReportBucket*");
    }

    [Fact]
    public void Values_are_escaped_so_they_cannot_break_out_of_the_json_string()
    {
        var result = TemplatePlaceholders.Substitute("""{"a":"${X}"}""", new Dictionary<string, string> { ["X"] = "quote\" and \\ back" });
        JsonNode.Parse(result)!["a"]!.GetValue<string>().Should().Be("quote\" and \\ back");
    }

    [Fact]
    public void Both_templates_are_embedded_with_their_state_machine_types()
    {
        BundledTemplates.DraftGeneration.Type.Value.Should().Be("EXPRESS");
        BundledTemplates.StudyReview.Type.Value.Should().Be("STANDARD");
        BundledTemplates.All.Should().OnlyContain(t => t.ReadDefinition().Contains("\"StartAt\"", StringComparison.Ordinal));
    }
}
