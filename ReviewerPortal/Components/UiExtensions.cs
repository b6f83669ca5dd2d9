using MudBlazor.Services;
using Radzen;

namespace ReviewerPortal.Components;

/// <summary>Blazor Server with interactive rendering and the MudBlazor component services.</summary>
public static class UiExtensions
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // Only the review page (Components/CaseReview, Pages/ReviewPage) still uses Radzen; it goes when that page is ported.
        services.AddRadzenComponents();
        return services;
    }
}
