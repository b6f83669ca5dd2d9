using Radzen;

namespace ReviewerPortal.Components;

/// <summary>Blazor Server with interactive rendering and the Radzen component services.</summary>
public static class UiExtensions
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        return services;
    }
}
