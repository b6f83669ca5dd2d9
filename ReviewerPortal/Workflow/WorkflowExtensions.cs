using ReviewerPortal.Engine;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Workflow;

/// <summary>Registers the Step Functions API of the configured mode: the in-process ASL engine, or AWS over HTTP.</summary>
public static class WorkflowExtensions
{
    public static IServiceCollection AddWorkflow(this IServiceCollection services, PortalOptions portal) =>
        portal.Mode switch
        {
            PortalMode.Aws => services.AddStepFunctionsClient(),
            _ => services.AddLocalStepFunctions().AddLocalResources().AddStepFunctionsApi(),
        };
}
