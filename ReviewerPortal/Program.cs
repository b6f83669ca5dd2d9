using ReviewerPortal;
using ReviewerPortal.Components;
using ReviewerPortal.Components.Layout;
using ReviewerPortal.Escalations;
using ReviewerPortal.Identity;
using ReviewerPortal.Operations;
using ReviewerPortal.Operations.Health;
using ReviewerPortal.Review;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync();
}

ConfigurationErrors.ExitPlainlyOnConfigurationError();
var builder = WebApplication.CreateBuilder(args);
var portal = builder.AddPortalOptions();

builder.Services.AddPortalUi();
builder.AddPortalIdentity();
builder.Services.AddReviewFeature();
builder.Services.AddEscalations();
builder.Services.AddOperations();

// The one place that asks which mode this is: each mode wires its stores, its workflow engine and its demo cases.
if (portal.Mode == PortalMode.Aws)
{
    builder.Services.AddAwsMode();
}
else
{
    builder.Services.AddLocalMode();
}

var app = builder.Build();
app.ValidateConfiguration();

app.UseNotFoundPage();
app.UseStaticFiles();
app.UsePortalIdentity();
app.UseAntiforgery();
app.MapPortalHealthChecks();
app.MapPublishedReports();
app.MapThemeStylesheet();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
