using ReviewerPortal.Workflow.StepFunctions;
using ReviewerPortal.Workflow.StepFunctions.Model;

namespace ReviewerPortal.Operations;

/// <summary>The workflow engine answers a one-item ListStateMachines: AWS Step Functions in Aws mode, the local engine otherwise.</summary>
/// <remarks>Resolved per check, so that a mode without a registered engine reports it instead of failing the whole endpoint.</remarks>
public sealed class StepFunctionsReadinessCheck(IServiceProvider services) : IReadinessCheck
{
    public string Name => "stepfunctions";

    public Task CheckAsync(CancellationToken cancellationToken) =>
        services.GetService<IAmazonStepFunctions>() is { } stepFunctions
            ? stepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest { MaxResults = 1 }, cancellationToken)
            : throw new InvalidOperationException("No Step Functions API is registered in this mode.");
}
