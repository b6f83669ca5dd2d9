using MudBlazor.Services;

namespace ReviewerPortal.Components;

/// <summary>Blazor Server with interactive rendering and the MudBlazor component services.</summary>
public static class UiExtensions
{
    /// <summary>
    /// The largest message a circuit accepts from a browser. A message over the limit drops the circuit, and whatever it
    /// carried is lost, so no input may get near it: report text never travels as one message (ReportEditor streams
    /// it), and the largest bound field, a rejection reason of 32,768 characters, is at most 3 bytes a character.
    /// </summary>
    public const long MaxCircuitMessageBytes = 256 * 1024;

    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        services.AddMudServices();
        return services;
    }

    /// <summary>
    /// An address no page serves answers 404 with the portal's own "Page not found" page (Components/Pages/NotFoundPage),
    /// inside its layout, instead of the browser's bare error page. Only a browser's GET for a missing address is
    /// re-executed: every other status (the circuit hub's 401 for an anonymous caller, a 400, a 403) and every POST
    /// keep their own answer, which a re-executed POST to a page would turn into an antiforgery 400.
    /// </summary>
    public static WebApplication UseNotFoundPage(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            await next(context);
            var isMissingPage = context.Response.StatusCode == StatusCodes.Status404NotFound
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
            if (!isMissingPage && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
        });
        return app;
    }

    public const string NotFoundPath = "/not-found";
}
