namespace ReviewerPortal.Workflow.StepFunctions;

/// <summary>Aws mode: our Step Functions client (JSON 1.0 over HTTP, SigV4 from AWSSDK.Core).</summary>
public static class StepFunctionsClientExtensions
{
    public static IServiceCollection AddStepFunctionsClient(this IServiceCollection services) => services;
}
