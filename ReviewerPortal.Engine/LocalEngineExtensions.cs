using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine.Api;
using ReviewerPortal.Engine.MapRuns;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions;

namespace ReviewerPortal.Engine;

/// <summary>Local mode: the in-process ASL engine runs the bundled templates and serves the Step Functions API.</summary>
public static class LocalEngineExtensions
{
    /// <param name="folders">Where the engine keeps its database and Distributed Map objects; the host decides.</param>
    public static IServiceCollection AddLocalStepFunctions(this IServiceCollection services, Func<IServiceProvider, LocalEngineFolders> folders)
    {
        services.AddOptions<LocalEngineOptions>().BindConfiguration(LocalEngineOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILocalResourceHandler, LocalFunctionsHandler>();
        // Resolved at the call, not at construction: the engine itself depends on the handlers.
        services.AddSingleton<ILocalResourceHandler>(sp => new SyncExecutionHandler(sp.GetRequiredService<ExecutionEngine>));
        services.TryAddSingleton<ResourceRegistry>();
        services.TryAddSingleton<IEngineStore>(sp =>
        {
            var engine = sp.GetRequiredService<IOptions<LocalEngineOptions>>().Value;
            return engine.Durable
                ? new SqliteEngineStore(Path.Combine(folders(sp).DataDirectory, engine.DatabaseFile))
                : new InMemoryEngineStore();
        });
        services.TryAddSingleton<IBatchObjectStore>(sp => new FolderBatchObjectStore(folders(sp).ObjectsFolder));
        services.TryAddSingleton<ExecutionEngine>();
        services.TryAddSingleton<LocalStepFunctions>();
        services.TryAddSingleton<IAmazonStepFunctions>(sp => sp.GetRequiredService<LocalStepFunctions>());
        services.AddHostedService<LocalEngineHost>();
        return services;
    }

    /// <summary>Registers a .NET function that Lambda tasks of the local engine can call by name.</summary>
    public static IServiceCollection AddLocalFunction(this IServiceCollection services, string name, Func<JsonNode?, CancellationToken, Task<JsonNode?>> function) =>
        services.AddSingleton(new LocalFunction(name, function));
}

/// <summary>Where the engine keeps its files: its database under <paramref name="DataDirectory"/>, and the objects a Distributed Map reads and writes (<c>{ObjectsFolder}/{bucket}/{key}</c>).</summary>
public sealed record LocalEngineFolders(string DataDirectory, string ObjectsFolder);

/// <summary>Resumes running executions when the app starts, and stops the engine (leaving them resumable) when it stops.</summary>
internal sealed class LocalEngineHost(ExecutionEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.RecoverAsync();

    public Task StopAsync(CancellationToken cancellationToken) => engine.ShutdownAsync();
}
