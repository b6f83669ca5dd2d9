namespace ReviewerPortal.Operations;

/// <summary>Registers the Operations page's services.</summary>
public static class OperationsExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services) =>
        services.AddScoped<WorkflowMonitor>().AddScoped<ExecutionRedrive>().AddSingleton<PortalBuild>();
}
