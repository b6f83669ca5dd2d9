using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine;

/// <summary>
/// The engine runs executions on threads of its own, so that busy executions never hold the thread pool that the
/// portal's web server and circuits share (on 2 cores the pool grows by about two threads a second once exhausted).
/// </summary>
public sealed class EngineThreadsTests
{
    private const string Work = """
        {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
        """;

    [Fact]
    public async Task Execution_steps_run_on_the_engines_own_threads_even_when_every_one_is_busy()
    {
        var onPool = new ConcurrentBag<bool>();
        using var release = new ManualResetEventSlim();
        var busy = 0;
        await using var engine = EngineHarness.InMemory(functions: [new LocalFunction("work", (payload, ct) =>
        {
            onPool.Add(Thread.CurrentThread.IsThreadPoolThread);
            Interlocked.Increment(ref busy);

            // Holds its thread, as a CPU-bound step would, until all of them are busy at once.
            release.Wait(TimeSpan.FromMinutes(1), ct);
            return Task.FromResult(payload);
        })]);
        var machine = await engine.CreateAsync(Work, "busy");
        var executions = new List<string>();
        for (var i = 0; i < EngineHarness.MaxConcurrency; i++)
        {
            executions.Add(await engine.StartAsync(machine, $$"""{"n":{{i}}}"""));
        }

        await Until(() => Volatile.Read(ref busy) == EngineHarness.MaxConcurrency);
        release.Set();

        onPool.Should().HaveCount(EngineHarness.MaxConcurrency).And.AllBeEquivalentTo(false, "execution steps run on the engine's own threads");
        foreach (var arn in executions)
        {
            (await engine.RunToEndAsync(arn)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "every engine thread should have started its execution");
            await Task.Delay(10);
        }
    }
}
