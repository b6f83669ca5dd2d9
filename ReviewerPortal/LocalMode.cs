using Microsoft.Extensions.Options;
using ReviewerPortal.Demo;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.Operations.Health;
using ReviewerPortal.Storage;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal;

/// <summary>
/// Local mode, the default: everything on this machine. Review tasks in SQLite, drafts and reports in a folder, the
/// bundled templates on the in-process ASL engine with local stand-ins for the services they call, and demo cases.
/// The composition root: the one place, with <see cref="AwsMode"/>, that knows which adapters a mode uses.
/// </summary>
public static class LocalMode
{
    public static IServiceCollection AddLocalMode(this IServiceCollection services)
    {
        services.AddLocalStorage()
            .AddReadinessCheck<TaskStoreReadinessCheck>(TaskStoreReadinessCheck.Name)
            .AddReadinessCheck<DraftStoreReadinessCheck>(DraftStoreReadinessCheck.Name);

        services.AddLocalStepFunctions(EngineFolders)
            .AddLocalResources()
            .AddStepFunctionsApi()
            .AddReadinessCheck<StepFunctionsReadinessCheck>(StepFunctionsReadinessCheck.Name);

        return services.AddDemoCases();
    }

    /// <summary>The engine's database beside the portal's (Portal:DataDirectory); Map Run objects in the local object store.</summary>
    private static LocalEngineFolders EngineFolders(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<PortalOptions>>().Value.DataDirectory, services.GetRequiredService<LocalDataPaths>().ObjectsFolder);

    /// <summary>Demo cases started as executions (after the templates are registered), and the optional fixture rows.</summary>
    private static IServiceCollection AddDemoCases(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<DemoCaseStarter>();
        services.AddSingleton<DraftBackfillStarter>();
        services.AddSingleton<LocalDemoCases>();
        services.AddSingleton<IDemoCases>(sp => sp.GetRequiredService<LocalDemoCases>());
        services.AddHostedService(sp => sp.GetRequiredService<LocalDemoCases>());
        services.AddHostedService<DemoSeeder>();
        return services;
    }
}
