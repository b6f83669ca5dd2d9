using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Operations.Health;

/// <summary>The workflow engine answers a one-item ListStateMachines: AWS Step Functions in Aws mode, the local engine otherwise.</summary>
/// <remarks>Resolved per check, so that a mode without a registered engine reports it instead of failing the whole endpoint.</remarks>
public sealed class StepFunctionsReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "stepfunctions";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IAmazonStepFunctions>() is not { } stepFunctions)
        {
            return HealthCheckResult.Unhealthy("No Step Functions API is registered in this mode.");
        }

        await stepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest { MaxResults = 1 }, cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }
}
