using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>What a Map Run needs of the engine that runs it (Runtime/ExecutionEngine): its child executions and durable writes.</summary>
internal interface IMapRunChildren
{
    /// <summary>Starts the child (or finds it, after a restart) and waits for its end.</summary>
    Task<ChildOutcome> RunAsync(MapRunRecord mapRun, DistributedMapConfig config, MapRunChild child, string? roleArn, CancellationToken cancellationToken);

    /// <summary>Why a redriven Map Run cannot run this unsuccessful child again, or null (an Express child always runs again).</summary>
    Task<string?> RedriveBlockedAsync(MapRunRecord mapRun, MapRunChild child);

    /// <summary>Aborts a Standard child (an Express child ends with its cancelled token).</summary>
    Task StopAsync(MapRunRecord mapRun, MapRunChild child);

    /// <summary>Waits until the store's queued writes are durable.</summary>
    Task FlushAsync();
}
