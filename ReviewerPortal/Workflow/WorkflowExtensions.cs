using Microsoft.Extensions.Options;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Storage;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Workflow;

/// <summary>Registers the Step Functions API of the configured mode: the in-process ASL engine, or AWS over HTTP.</summary>
public static class WorkflowExtensions
{
    public static IServiceCollection AddWorkflow(this IServiceCollection services, PortalOptions portal) =>
        portal.Mode switch
        {
            PortalMode.Aws => services.AddStepFunctionsClient(),
            _ => services.AddLocalStepFunctions(LocalEngineFolders).AddLocalResources().AddStepFunctionsApi(),
        };

    /// <summary>The engine's database beside the portal's (Portal:DataDirectory); Map Run objects in the local object store.</summary>
    private static LocalEngineFolders LocalEngineFolders(IServiceProvider services)
    {
        var dataDirectory = services.GetRequiredService<IOptions<PortalOptions>>().Value.DataDirectory;
        return new LocalEngineFolders(dataDirectory, services.GetService<LocalDataPaths>()?.ObjectsFolder ?? Path.Combine(dataDirectory, "objects"));
    }
}
