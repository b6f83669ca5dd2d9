namespace ReviewerPortal.Tests.Engine.Quotas;

/// <summary>
/// Tests that saturate an engine on purpose (runaway loops, callback/stop storms) run alone, after the parallel
/// collections: the engine's scheduler drains on thread-pool threads, and while these hold them the live Blazor
/// circuits of concurrent browser tests processed no click for tens of seconds. Their assertions do not depend on
/// what else runs; other tests' waits should not depend on them.
/// </summary>
[CollectionDefinition(nameof(EngineSaturation), DisableParallelization = true)]
public sealed class EngineSaturation;
