using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>Registers the local stand-ins for the AWS services the bundled templates call, and the start-up that registers the templates with the local engine.</summary>
public static class LocalResourceExtensions
{
    public static IServiceCollection AddLocalResources(this IServiceCollection services)
    {
        services.AddOptions<WorkflowTemplateOptions>().BindConfiguration(WorkflowTemplateOptions.Section);
        services.AddSingleton<LocalFaultPlan>();
        services.AddSingleton<PublicationEventLog>();
        services.AddSingleton<IPublishedEvents>(sp => sp.GetRequiredService<PublicationEventLog>());
        services.AddSingleton<ILocalResourceHandler, ReviewGateHandler>();
        services.AddSingleton<ILocalResourceHandler, ReviewTaskUpdateHandler>();
        services.AddSingleton<ILocalResourceHandler, S3ObjectHandler>();
        services.AddSingleton<ILocalResourceHandler, ModelInvocationHandler>();
        services.AddSingleton<ILocalResourceHandler, ImagingMetadataHandler>();
        services.AddSingleton<ILocalResourceHandler, EventBusHandler>();
        services.AddSingleton<LocalWorkflows>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalWorkflows>());
        return services;
    }
}
