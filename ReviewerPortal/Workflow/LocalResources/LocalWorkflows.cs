using Microsoft.Extensions.Options;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// Local mode at start-up: registers the bundled templates with the local engine (updating them when the shipped text
/// changed) and hands their ARNs to whoever starts executions on them (<see cref="LocalDemoCases"/>).
/// </summary>
public sealed partial class LocalWorkflows(
    IAmazonStepFunctions stepFunctions,
    IOptions<WorkflowTemplateOptions> templates,
    ILogger<LocalWorkflows> logger) : IHostedService
{
    public const string LocalRoleArn = "arn:aws:iam::123456789012:role/reviewer-portal-local";

    private readonly TaskCompletionSource<IReadOnlyDictionary<string, string>> _deployed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The study-review state machine's ARN, once the templates are registered.</summary>
    public async Task<string> StudyReviewArnAsync() => (await _deployed.Task.ConfigureAwait(false))[BundledTemplates.StudyReview.Name];

    /// <summary>The ARN of a bundled template's state machine, once the templates are registered.</summary>
    public async Task<string> ArnOfAsync(BundledTemplate template) => (await _deployed.Task.ConfigureAwait(false))[template.Name];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deployed = await new TemplateDeployer(stepFunctions).DeployAsync(templates.Value, LocalRoleArn, cancellationToken).ConfigureAwait(false);
            _deployed.TrySetResult(deployed);
            LogDeployed(logger, deployed.Count);
        }
        catch (Exception e)
        {
            _deployed.TrySetException(e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} bundled workflow templates with the local engine.")]
    private static partial void LogDeployed(ILogger logger, int count);
}
