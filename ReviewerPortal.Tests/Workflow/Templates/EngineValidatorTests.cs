using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.Api;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>Every bundled template passes the local engine's own validator (ValidateStateMachineDefinition), as deployed.</summary>
[Trait("Category", "Slow")]
public class EngineValidatorTests
{
    public static TheoryData<string> Templates() => new(BundledTemplates.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task The_substituted_template_has_no_error_or_warning_in_the_engines_validator(string name)
    {
        var template = BundledTemplates.All.Single(t => t.Name == name);
        var definition = TemplatePlaceholders.Substitute(
            template.ReadDefinition(), new WorkflowTemplateOptions().Substitutions("arn:aws:states:us-east-1:123456789012:stateMachine:draft-generation"));
        await using var store = new InMemoryEngineStore();
        await using var engine = new ExecutionEngine(store, new ResourceRegistry([]), TimeProvider.System, Options.Create(new LocalEngineOptions()), NullLogger<ExecutionEngine>.Instance);

        var result = await new LocalStepFunctions(engine).ValidateStateMachineDefinitionAsync(
            new ValidateStateMachineDefinitionRequest { Definition = definition, Type = template.Type });

        result.Result.Should().Be("OK", string.Join("\n", result.Diagnostics.Select(d => $"{d.Severity} {d.Code} {d.Location}: {d.Message}")));
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task The_engines_validator_rejects_a_template_whose_gate_lost_its_next_state()
    {
        var broken = BundledTemplates.StudyReview.ReadDefinition().Replace("\"Next\": \"CheckDecision\"", "\"Next\": \"NoSuchState\"", StringComparison.Ordinal);
        await using var store = new InMemoryEngineStore();
        await using var engine = new ExecutionEngine(store, new ResourceRegistry([]), TimeProvider.System, Options.Create(new LocalEngineOptions()), NullLogger<ExecutionEngine>.Instance);

        var result = await new LocalStepFunctions(engine).ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest { Definition = broken });

        result.Result.Should().Be("FAIL");
    }
}
