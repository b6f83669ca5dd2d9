namespace ReviewerPortal.Workflow.Asl;

/// <summary>Local mode: the in-process ASL engine runs the bundled templates and serves the Step Functions API.</summary>
public static class LocalEngineExtensions
{
    public static IServiceCollection AddLocalStepFunctions(this IServiceCollection services) => services;
}
