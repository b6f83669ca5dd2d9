using ReviewerPortal.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>
/// The task role reaches every workflow the Operations page works on: each Standard state machine of the workflows
/// stack is a service-stack parameter whose executions operators can follow and redrive, and whose Map Runs they see.
/// </summary>
public partial class PortalPolicyTests
{
    [Fact]
    public void Operators_can_follow_and_redrive_every_Standard_workflow_and_its_Map_Runs()
    {
        var standard = StandardWorkflowOutputs();
        var parameters = ((YamlMappingNode)LoadYaml("review-service.yaml")["Parameters"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

        standard.Should().BeEquivalentTo(["StudyReviewStateMachineArn", "DraftBackfillStateMachineArn"]);
        parameters.Should().Contain(standard, "deploy.sh passes each workflow's ARN to the service stack");
        foreach (var sid in new[] { "ExecutionsRedriven", "ExecutionsFollowed", "MapRunsFollowed", "WorkflowsWatched" })
        {
            ParametersNamedBy(sid).Should().Contain(standard, $"the {sid} statement must name every Standard workflow");
        }
    }

    /// <summary>The workflows stack's outputs that give a STANDARD state machine's ARN.</summary>
    private static List<string> StandardWorkflowOutputs()
    {
        var root = LoadYaml("review-workflows.yaml");
        var resources = (YamlMappingNode)root["Resources"];
        var standardMachines = resources.Children
            .Where(r => ((YamlMappingNode)r.Value).Children.TryGetValue(new YamlScalarNode("Type"), out var type) && ((YamlScalarNode)type).Value == "AWS::StepFunctions::StateMachine"
                && ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)r.Value)["Properties"])["StateMachineType"]).Value == "STANDARD")
            .Select(r => ((YamlScalarNode)r.Key).Value!)
            .ToHashSet(StringComparer.Ordinal);
        return [.. ((YamlMappingNode)root["Outputs"]).Children
            .Where(o => ((YamlMappingNode)o.Value)["Value"] is YamlScalarNode value && IsRef(value) && standardMachines.Contains(value.Value!))
            .Select(o => ((YamlScalarNode)o.Key).Value!)];
    }

    /// <summary>The parameters a task-role statement's resources refer to (<c>!Ref</c>, also inside <c>!Sub</c> and <c>!Select</c>).</summary>
    private static HashSet<string> ParametersNamedBy(string sid)
    {
        var role = (YamlMappingNode)((YamlMappingNode)LoadYaml("review-service.yaml")["Resources"])["TaskRole"];
        var statement = ((YamlSequenceNode)((YamlMappingNode)role["Properties"])["Policies"]).Cast<YamlMappingNode>()
            .SelectMany(p => ((YamlSequenceNode)((YamlMappingNode)p["PolicyDocument"])["Statement"]).Cast<YamlMappingNode>())
            .Single(s => s.Children.TryGetValue(new YamlScalarNode("Sid"), out var name) && ((YamlScalarNode)name).Value == sid);
        return [.. statement["Resource"].AllNodes.OfType<YamlScalarNode>().Where(IsRef).Select(n => n.Value!)];
    }

    private static bool IsRef(YamlScalarNode node) => !node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value == "!Ref";

    private static YamlMappingNode LoadYaml(string template)
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "deploy", template));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
