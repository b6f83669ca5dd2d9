using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.MapRuns;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>The child executions of Distributed Map runs: Standard ones are executions of this engine, Express ones run in place.</summary>
internal sealed partial class ExecutionEngine : IMapRunChildren
{
    /// <summary>"Express workflows can run for up to five minutes" (Step Functions quotas): the service then times them out.</summary>
    internal static readonly TimeSpan ExpressDurationLimit = TimeSpan.FromMinutes(5);

    /// <summary>Our words: AWS records a timed-out execution's error (States.Timeout) but no cause we could find.</summary>
    private const string ExpressTimeoutCause = "The Express child execution ran longer than the 5 minutes an Express workflow may run.";

    private EngineServices? expressServices;

    Task<ChildOutcome> IMapRunChildren.RunAsync(MapRunRecord mapRun, DistributedMapConfig config, MapRunChild child, string? roleArn, CancellationToken cancellationToken)
    {
        var machine = ChildMachine(mapRun, config.ChildDefinition, roleArn);
        return mapRun.ChildExecutionType == "EXPRESS"
            ? RunExpressChildAsync(machine, child, cancellationToken)
            : RunStandardChildAsync(machine, child, cancellationToken);
    }

    async Task IMapRunChildren.StopAsync(MapRunRecord mapRun, MapRunChild child)
    {
        if (mapRun.ChildExecutionType != "EXPRESS" && await Store.GetExecutionAsync(child.ExecutionArn) is { IsRunning: true } record)
        {
            await StopAsync(record, null, null);
        }
    }

    Task IMapRunChildren.FlushAsync() => Store.FlushAsync();

    async Task<string?> IMapRunChildren.RedriveBlockedAsync(MapRunRecord mapRun, MapRunChild child)
    {
        if (mapRun.ChildExecutionType == "EXPRESS" || await Store.GetExecutionAsync(child.ExecutionArn) is not { } execution)
        {
            return null;
        }

        return await RedriveBlockedAsync(execution, ChildMachine(mapRun, execution.Definition, execution.RoleArn));
    }

    /// <summary>The child state machine of a Map Run (not stored on its own: its definition is the ItemProcessor's).</summary>
    private static StateMachineRecord ChildMachine(MapRunRecord mapRun, string definition, string? roleArn) =>
        new(mapRun.ChildStateMachineArn, mapRun.ChildStateMachineArn[(mapRun.ChildStateMachineArn.LastIndexOf(':') + 1)..], definition, roleArn, mapRun.ChildExecutionType, mapRun.StartDate);

    /// <summary>Starts the child (or finds it, after a restart) and waits for its end.</summary>
    public async Task<ChildOutcome> RunStandardChildAsync(StateMachineRecord machine, MapRunChild child, CancellationToken cancellation)
    {
        // After a restart it may have ended already: its end was recorded before its Map Run heard of it.
        ExecutionRecord record;
        try
        {
            record = await Store.GetExecutionAsync(child.ExecutionArn) switch
            {
                // A redriven Map Run runs an unsuccessful Standard child again by redriving it from the state that failed.
                { IsRunning: false, Status: not "SUCCEEDED" } ended when ended.RedriveCount < child.RedriveCount => await RedriveChildOrKeepAsync(ended, machine),
                { IsRunning: false } ended => ended,
                _ => await StartAsync(machine, child.Name, child.Input, child.MapRunArn),
            };
        }
        catch (ExecutionAlreadyExistsException)
        {
            // A resumed child ended between the look and the start.
            record = await Store.GetExecutionAsync(child.ExecutionArn) ?? throw new InvalidOperationException($"The child {child.ExecutionArn} vanished.");
        }

        var final = record.IsRunning ? await WaitForEndAsync(record.Arn, cancellation) ?? record : record;
        return new ChildOutcome(final.Status, final.Output, final.Error, final.Cause, final.StopDate ?? Time.GetUtcNow().UtcDateTime);
    }

    private async Task<ExecutionRecord> RedriveChildOrKeepAsync(ExecutionRecord ended, StateMachineRecord machine)
    {
        try
        {
            return await RedriveChildAsync(ended.Arn, machine);
        }
        catch (ExecutionNotRedrivableException)
        {
            // Its redrive rules changed since the Map Run was redriven (its window closed): it keeps its old outcome.
            return ended;
        }
    }

    /// <summary>
    /// Runs an Express child to its end in place, without a stored history (Express executions keep none): only its
    /// outcome is recorded, on the Map Run's child row. After a restart an unfinished one runs again (at least once).
    /// One still running <see cref="ExpressDurationLimit"/> after it started is cut: TIMED_OUT, as AWS ends it.
    /// </summary>
    public async Task<ChildOutcome> RunExpressChildAsync(StateMachineRecord machine, MapRunChild child, CancellationToken cancellation)
    {
        var definition = definitions.Get(machine.Definition);
        var services = expressServices ??= new EngineServices(Time, DiscardedHistory.Instance, Services.Tasks, Tokens, Services.Region, parkPausedExecutions: false)
        {
            DistributedMaps = DistributedMaps,
        };
        var started = Time.GetUtcNow();
        var identity = new ExecutionIdentity(child.ExecutionArn, child.Name, machine.Arn, machine.Name, machine.RoleArn, started, child.Input);
        var input = Payloads.Parse(child.Input);
        var run = new ExecutionRun(identity, definition, input, services, recorded: null);
        var (cutSource, cutTimer) = LongTimer.CancelAt(Time, started + ExpressDurationLimit);
        using var cut = cutSource;
        using var timer = cutTimer;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellation, cut.Token);
        try
        {
            var output = await StateExecutor.RunGraphAsync(run, new Frame(string.Empty, 0), definition, input, running.Token);
            return new ChildOutcome("SUCCEEDED", Payloads.Serialize(output, "execution output"), null, null, Time.GetUtcNow().UtcDateTime);
        }
        catch (StateFailure failure)
        {
            return new ChildOutcome("FAILED", null, failure.Error, failure.Cause, Time.GetUtcNow().UtcDateTime);
        }
        catch (HistoryLimitReachedException limit)
        {
            return new ChildOutcome("FAILED", null, StatesErrors.Runtime, limit.Message, Time.GetUtcNow().UtcDateTime);
        }
        catch (OperationCanceledException) when (cut.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // AWS ends a timed-out execution at its limit exactly; States.Timeout is the error its ExecutionTimedOut event carries.
            return new ChildOutcome("TIMED_OUT", null, StatesErrors.Timeout, ExpressTimeoutCause, (started + ExpressDurationLimit).UtcDateTime);
        }
    }

    /// <summary>The history of an Express child: not kept.</summary>
    private sealed class DiscardedHistory : IHistoryRecorder
    {
        public static readonly DiscardedHistory Instance = new();

        public void Append(string executionArn, string frame, int sequence, HistoryEvent historyEvent)
        {
        }

        public Task FlushAsync() => Task.CompletedTask;
    }
}
