using Bunit;
using MudBlazor.Services;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// A bunit context for the portal's components: MudBlazor's services as the portal registers them, and a loose
/// JavaScript runtime (MudBlazor's components call into its script, which has no part in what these tests assert).
/// Disposed asynchronously: MudBlazor's services implement only IAsyncDisposable.
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    protected MudComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
