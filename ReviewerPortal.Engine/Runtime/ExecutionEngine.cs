using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.MapRuns;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// Runs executions on a bounded scheduler, records their histories, ends them (succeeded, failed, timed out,
/// aborted) and, after a restart, resumes every execution that was running by replaying it over its history.
/// </summary>
internal sealed partial class ExecutionEngine : IChildExecutions, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ActiveExecution> active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> parked = new(StringComparer.Ordinal);

    // Guards moves between `active` and `parked` (park, resume, stop), so that no stop finds an execution in neither.
    private readonly Lock membership = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ExecutionRecord?>> endWaiters = new(StringComparer.Ordinal);
    private readonly DefinitionCache definitions = new();
    private readonly CancellationTokenSource shutdown = new();
    private readonly BoundedTaskScheduler scheduler;
    private readonly ILogger<ExecutionEngine> logger;

    public ExecutionEngine(IEngineStore store, ResourceRegistry resources, TimeProvider time, IOptions<LocalEngineOptions> options, ILogger<ExecutionEngine> logger, IBatchObjectStore? objects = null)
    {
        var settings = options.Value;
        Store = store;
        Time = time;
        this.logger = logger;
        Arns = new ArnFormat(settings.Region, settings.AccountId);
        Tokens = new TaskTokens(store, time);
        var tasks = new TaskRunner(resources) { Children = this };
        DistributedMaps = new DistributedMaps(this, store.MapRuns, objects, time);
        Services = new EngineServices(time, store, tasks, Tokens, settings.Region, settings.ParkPausedExecutions) { DistributedMaps = DistributedMaps };
        scheduler = new BoundedTaskScheduler(settings.MaxConcurrency);
    }

    public IEngineStore Store { get; }

    /// <summary>Distributed Map runs: their children, live counts and settings.</summary>
    public DistributedMaps DistributedMaps { get; }

    public TaskTokens Tokens { get; }

    public ArnFormat Arns { get; }

    public TimeProvider Time { get; }

    /// <summary>Executions whose frames are in memory (running a step, or paused inside a Parallel/Map or a Wait).</summary>
    public int ActiveCount => active.Count;

    /// <summary>Executions paused at a top-level callback, held only as their token.</summary>
    public int ParkedCount => parked.Count;

    private EngineServices Services { get; }

    /// <summary>
    /// Starts an execution, or returns the running one of the same name and input ("StartExecution is idempotent for
    /// STANDARD workflows"); a closed one, or a different input, is ExecutionAlreadyExists.
    /// </summary>
    public async Task<ExecutionRecord> StartAsync(StateMachineRecord machine, string? name, string? input, string? mapRunArn = null)
    {
        name ??= Guid.NewGuid().ToString();
        input ??= "{}";
        if (!ArnFormat.IsValidName(name))
        {
            throw new InvalidNameException($"Invalid Name: '{name}'");
        }

        if (!Payloads.TryParse(input, out var inputNode))
        {
            throw new InvalidExecutionInputException("Invalid State Machine Execution Input: the input is not valid JSON.");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(input) > Payloads.MaxBytes)
        {
            throw new InvalidExecutionInputException($"The input exceeds the maximum size of {Payloads.MaxBytes} bytes.");
        }

        var definition = definitions.Get(machine.Definition);
        var record = new ExecutionRecord(Arns.Execution(machine.Name, name), machine.Arn, machine.Name, name, input, Time.GetUtcNow().UtcDateTime, machine.Definition, machine.RoleArn)
        {
            MapRunArn = mapRunArn,
        };
        if (!await Store.TryAddExecutionAsync(record))
        {
            var existing = await Store.GetExecutionAsync(record.Arn);
            return existing is { IsRunning: true } && existing.Input == input
                ? existing
                : throw new ExecutionAlreadyExistsException($"Execution Already Exists: '{record.Arn}'");
        }

        Launch(record, definition, inputNode, recorded: null);
        return record;
    }

    /// <summary>Resumes every execution that was running when the engine last stopped.</summary>
    public async Task<int> RecoverAsync()
    {
        var unspent = await Store.UnspentTokensAsync();
        foreach (var token in unspent)
        {
            Tokens.Restore(token);
        }

        var tokensByExecution = unspent.ToLookup(t => t.ExecutionArn, t => t.Token, StringComparer.Ordinal);
        var running = await Store.RunningExecutionsAsync();
        foreach (var record in running.Where(r => !active.ContainsKey(r.Arn)))
        {
            var history = await Store.ReadHistoryAsync(record.Arn);
            Launch(record, definitions.Get(record.Definition), Payloads.Parse(record.Input), history, tokensByExecution[record.Arn]);
        }

        LogRecovered(running.Count);
        return running.Count;
    }

    /// <param name="openTokens">Tokens the execution holds before its replay reaches them: a stop during the replay records their acknowledged callbacks.</param>
    private void Launch(ExecutionRecord record, Model.StateMachineDefinition definition, JsonNode? input, IReadOnlyList<RecordedEvent>? recorded, IEnumerable<string>? openTokens = null)
    {
        var identity = new ExecutionIdentity(record.Arn, record.Name, record.StateMachineArn, record.StateMachineName, record.RoleArn, new DateTimeOffset(record.StartDate, TimeSpan.Zero), record.Input,
            record.RedriveCount, record.RedriveDate is { } redriven ? new DateTimeOffset(redriven, TimeSpan.Zero) : null);
        var run = new ExecutionRun(identity, definition, input, Services, recorded);
        foreach (var token in openTokens ?? [])
        {
            run.Tokens.Add(token);
        }

        var execution = new ActiveExecution(run, record);
        if (active.TryAdd(record.Arn, execution))
        {
            _ = scheduler.Run(() => RunAsync(execution));
        }
    }

    private async Task RunAsync(ActiveExecution execution)
    {
        var run = execution.Run;
        var record = execution.Record;
        run.Emit(execution.Top, Events.ExecutionStarted(record.Input, record.RoleArn));
        var (timeout, timeoutTimer) = run.Definition.TimeoutSeconds is { } seconds
            ? LongTimer.CancelAt(Time, new DateTimeOffset((record.RedriveDate ?? record.StartDate).AddSeconds(seconds), TimeSpan.Zero))
            : (null, null);
        using var timeoutSource = timeout;
        using var longTimer = timeoutTimer;

        // A timeout stops the execution's work as StopExecution does: a Distributed Map aborts its Map Run and stops
        // its Standard children (which would otherwise run on). Only the end recorded differs (TIMED_OUT).
        // The work is cancelled only through Stopping (never by the timeout directly), so whatever the cancellation
        // reaches already sees Stopping set: a Map Run child cancelled by a timeout is aborted, not left running as it
        // would be after an engine shutdown.
        using var stopOnTimeout = timeout?.Token.Register(static stopping => ((CancellationTokenSource)stopping!).Cancel(), run.Stopping);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(run.Stopping.Token, shutdown.Token);
        ExecutionRecord? final = null;
        try
        {
            var output = await StateExecutor.RunGraphAsync(run, execution.Top, run.Definition, run.Input, cancellation.Token);
            var text = Payloads.Serialize(output, "execution output");
            if (execution.TryEnd(() => run.Emit(execution.Top, Events.ExecutionSucceeded(text))))
            {
                final = record with { Status = "SUCCEEDED", Output = text };
            }
        }
        catch (ExecutionSuspendedException suspended)
        {
            // Parked: drop the frames; the token alone brings the execution back.
            // Capture only the ARN: the parked execution must not keep its run (input, frames, history) alive.
            var arn = run.Arn;
            lock (membership)
            {
                if (run.HasEnded)
                {
                    // Stopped while unwinding: the stop recorded its end and spent its token.
                    return;
                }

                // Parked before it leaves `active`: a stop always finds the execution in one of them.
                parked[arn] = suspended.Token;
                active.TryRemove(arn, out _);
            }

            Park(arn, suspended);
            return;
        }
        catch (StateFailure failure)
        {
            if (failure.InnerException is { } defect)
            {
                LogDefect(defect, run.Arn);
            }

            if (execution.TryEnd(() => run.Emit(execution.Top, Events.ExecutionFailed(failure.Error, failure.Cause))))
            {
                final = record with { Status = "FAILED", Error = failure.Error, Cause = failure.Cause };
            }
        }
        catch (HistoryLimitReachedException limit)
        {
            if (execution.TryEnd(() => run.Emit(execution.Top, Events.ExecutionFailed(StatesErrors.Runtime, limit.Message))))
            {
                final = record with { Status = "FAILED", Error = StatesErrors.Runtime, Cause = limit.Message };
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped (StopExecution recorded it) or the engine is shutting down: then the execution stays RUNNING and
            // resumes from its history at the next start.
            // AWS records an execution timeout without an error or cause (DescribeExecution shows neither).
            if (timeout is { IsCancellationRequested: true } && !shutdown.IsCancellationRequested
                && execution.TryEnd(() => run.Emit(execution.Top, Events.ExecutionTimedOut(null, null))))
            {
                final = record with { Status = "TIMED_OUT", Error = null, Cause = null };
            }
        }
#pragma warning disable CA1031 // an engine defect must end this execution with a named failure, not the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogDefect(e, run.Arn);
            const string cause = "An internal error occurred in the local engine; the portal's log has the details.";
            if (execution.TryEnd(() => run.Emit(execution.Top, Events.ExecutionFailed(StatesErrors.Runtime, cause))))
            {
                final = record with { Status = "FAILED", Error = StatesErrors.Runtime, Cause = cause };
            }
        }

        if (final is not null)
        {
            await FinishAsync(run.Arn, run.Tokens, final);
        }
        else if (shutdown.IsCancellationRequested)
        {
            active.TryRemove(run.Arn, out _);
        }
    }

    // In its own method so that the resume callback's closure holds only the ARN: a closure in RunAsync would share
    // RunAsync's captured run and keep every parked execution's frames, input and history in memory.
    private void Park(string arn, ExecutionSuspendedException suspended) =>
        Tokens.Park(suspended.Token, suspended.Deadlines, () => _ = scheduler.Run(() => ResumeAsync(arn)));

    private async Task<ExecutionRecord> FinishAsync(string executionArn, IEnumerable<string> tokens, ExecutionRecord final)
    {
        final = final with { StopDate = Time.GetUtcNow().UtcDateTime };
        Tokens.CloseAll(tokens);
        await Store.SaveExecutionAsync(final);
        await Store.FlushAsync();
        active.TryRemove(executionArn, out _);
        if (endWaiters.TryRemove(executionArn, out var waiter))
        {
            waiter.TrySetResult(final);
        }

        return final;
    }

    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync();
        shutdown.Dispose();
    }

    /// <summary>Cancels running work without ending executions: they stay RUNNING in the store and resume at the next start.</summary>
    public async Task ShutdownAsync()
    {
        if (shutdown.IsCancellationRequested)
        {
            return;
        }

        await shutdown.CancelAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!active.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await Store.FlushAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local Step Functions engine resumed {Count} running execution(s).")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The execution {ExecutionArn} failed on an engine defect.")]
    private partial void LogDefect(Exception exception, string executionArn);

    /// <summary>An execution being run, with its single "ended" switch so that finishing and stopping cannot both win.</summary>
    private sealed class ActiveExecution(ExecutionRun run, ExecutionRecord record)
    {
        public ExecutionRun Run { get; } = run;

        public ExecutionRecord Record { get; } = record;

        public Frame Top { get; } = new(string.Empty, 0);

        /// <summary>Ends the execution once, writing its last events: finishing and stopping cannot both win.</summary>
        public bool TryEnd(Action recordEnd) => Run.TryEnd(recordEnd);
    }
}
