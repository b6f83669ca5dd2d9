using ReviewerPortal;
using ReviewerPortal.Components;
using ReviewerPortal.Components.Layout;
using ReviewerPortal.Demo;
using ReviewerPortal.Escalations;
using ReviewerPortal.Identity;
using ReviewerPortal.Operations;
using ReviewerPortal.Operations.Health;
using ReviewerPortal.Review;
using ReviewerPortal.Storage;
using ReviewerPortal.Workflow;

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
builder.Services.AddPortalStorage(portal);
builder.Services.AddWorkflow(portal);
builder.Services.AddEscalations();
builder.Services.AddOperations();
builder.Services.AddDemoCases(portal);

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
