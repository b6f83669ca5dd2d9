using System.Runtime.CompilerServices;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// The suite runs many local engines, portals and browsers in one process. An engine's scheduler drains its queue on
/// thread-pool threads and keeps them while work is queued (Distributed Map children, runaway loops, stress tests), and
/// on a 2-core machine the pool starts with two threads and adds more only about once a second. Blazor circuits of other
/// tests then waited for a thread longer than a browser test waits for a click's answer. Enough threads up front keep
/// one test's engine from stalling another test's circuit.
/// </summary>
internal static class TestThreadPool
{
    [ModuleInitializer]
    internal static void StartWithEnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(completionPorts, 64));
    }
}
