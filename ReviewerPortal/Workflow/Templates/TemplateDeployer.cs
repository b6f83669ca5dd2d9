using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Workflow.Templates;

/// <summary>
/// Creates or updates the bundled state machines through any Step Functions API (the local engine at start-up, or AWS
/// from deploy tooling), in dependency order, substituting each template's placeholders with the ARNs made so far.
/// </summary>
public sealed class TemplateDeployer(IAmazonStepFunctions stepFunctions)
{
    /// <summary>The ARN of each deployed template, by name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DeployAsync(WorkflowTemplateOptions values, string roleArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var existing = await ExistingAsync(cancellationToken).ConfigureAwait(false);
        var deployed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var template in BundledTemplates.All)
        {
            var draftGeneration = deployed.GetValueOrDefault(BundledTemplates.DraftGeneration.Name) ?? string.Empty;
            var definition = TemplatePlaceholders.Substitute(template.ReadDefinition(), values.Substitutions(draftGeneration));
            if (existing.TryGetValue(template.Name, out var arn))
            {
                await stepFunctions.UpdateStateMachineAsync(
                    new UpdateStateMachineRequest { StateMachineArn = arn, Definition = definition, RoleArn = roleArn },
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                arn = (await stepFunctions.CreateStateMachineAsync(
                    new CreateStateMachineRequest { Name = template.Name, Definition = definition, RoleArn = roleArn, Type = template.Type },
                    cancellationToken).ConfigureAwait(false)).StateMachineArn!;
            }

            deployed[template.Name] = arn;
        }

        return deployed;
    }

    private async Task<Dictionary<string, string>> ExistingAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var page = await stepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest { NextToken = next }, cancellationToken).ConfigureAwait(false);
            foreach (var machine in page.StateMachines)
            {
                found[machine.Name!] = machine.StateMachineArn!;
            }

            next = page.NextToken;
        }
        while (next is not null);
        return found;
    }
}
