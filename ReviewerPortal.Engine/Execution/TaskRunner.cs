using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Paths;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// Runs a Task state's call with its integration pattern (request-response, <c>.waitForTaskToken</c>, <c>.sync</c>),
/// its timeouts, and the TaskScheduled → TaskStarted → [TaskSubmitted] → TaskSucceeded/TaskFailed/TaskTimedOut events.
/// </summary>
internal sealed class TaskRunner(ResourceRegistry resources)
{
    public const string StartExecutionResource = "arn:aws:states:::states:startExecution";

    /// <summary>Set by the engine, which runs child executions.</summary>
    public IChildExecutions? Children { get; set; }

    public async ValueTask<StateResult> RunAsync(TaskState state, JsonNode? parameters, StateRun run)
    {
        var name = TaskResourceName.Of(state.Resource);
        var timeout = Seconds(state.TimeoutSecondsExpression, run) ?? Seconds(state.TimeoutSeconds, state.TimeoutSecondsPath, run, "TimeoutSecondsPath");
        var heartbeat = Seconds(state.HeartbeatSecondsExpression, run) ?? Seconds(state.HeartbeatSeconds, state.HeartbeatSecondsPath, run, "HeartbeatSecondsPath");
        var attemptKey = $"{run.Frame.Key}#{run.Frame.Sequence}";
        var scheduled = run.Emit(Events.TaskScheduled(name, Payloads.Serialize(parameters, "task parameters"), timeout, heartbeat, run.Execution.Services.Region));
        run.Execution.NoteTaskScheduled(attemptKey, scheduled);
        var scheduledAt = new DateTimeOffset(scheduled.Timestamp, TimeSpan.Zero);
        run.Emit(Events.TaskStarted(name));
        if (run.Recorded() is { } ended && ended.Type is HistoryEventType.TaskSucceeded or HistoryEventType.TaskFailed or HistoryEventType.TaskTimedOut)
        {
            return Replayed(EmitOutcome(run, ended));
        }

        try
        {
            var output = state.Pattern switch
            {
                IntegrationPattern.WaitForTaskToken => await CallbackAsync(state, parameters, run, name, scheduledAt, timeout, heartbeat),
                IntegrationPattern.Sync => await SyncAsync(state, parameters, run, name, timeout),
                _ => await WithTimeoutAsync(state, timeout, run, c => InvokeAsync(state, parameters, run, null, c)),
            };
            var text = Payloads.Serialize(output, "result of the task", state.Name);
            var succeeded = EmitOutcome(run, Events.TaskSucceeded(name, text));
            return new StateResult(ReferenceEquals(succeeded.TaskSucceededEventDetails?.Output, text) ? output : Payloads.Parse(succeeded.TaskSucceededEventDetails?.Output));
        }
        catch (StateFailure failure) when (failure.Error is StatesErrors.Timeout or StatesErrors.HeartbeatTimeout)
        {
            EmitOutcome(run, Events.TaskTimedOut(name, failure.Error, failure.Cause));
            throw;
        }
        catch (StateFailure failure)
        {
            EmitOutcome(run, Events.TaskFailed(name, failure.Error, failure.Cause));
            throw;
        }
    }

    /// <summary>A callback task's outcome is recorded and its token spent in one step (see <see cref="ExecutionRun.EmitCallbackOutcome"/>).</summary>
    private static HistoryEvent EmitOutcome(StateRun run, HistoryEvent outcome) =>
        run.TaskToken is { } token ? run.Execution.EmitCallbackOutcome(run.Frame, outcome, token) : run.Emit(outcome);

    private async Task<JsonNode?> CallbackAsync(TaskState state, JsonNode? parameters, StateRun run, TaskResourceName name, DateTimeOffset scheduledAt, int? timeout, int? heartbeat)
    {
        var token = run.TaskToken!;
        if (run.Recorded() is { Type: HistoryEventType.TaskSubmitted } submitted)
        {
            run.Emit(submitted);
        }
        else
        {
            // The token must be durable before anyone outside the engine can hold it.
            await run.Execution.Services.History.FlushAsync();
            var response = await WithTimeoutAsync(state, timeout, run, c => InvokeAsync(state, parameters, run, token, c));
            run.Emit(Events.TaskSubmitted(name, Payloads.Serialize(response, "task response")));
            await run.Execution.Services.History.FlushAsync();
        }

        if (run.Recorded() is { } ended && ended.Type is HistoryEventType.TaskSucceeded or HistoryEventType.TaskFailed or HistoryEventType.TaskTimedOut)
        {
            // Replaying an attempt that already ended: its outcome is in the history (RunAsync re-emits it).
            return Replayed(ended).Output;
        }

        var tokens = run.Execution.Services.Tokens;
        var deadlines = new TaskDeadlines(scheduledAt, timeout, heartbeat);
        if (run.Frame.Key.Length == 0 && run.Execution.Services.ParkPausedExecutions && !tokens.HasOutcome(token))
        {
            // A top-level task paused at a callback: unwind; the callback or a deadline resumes the execution by replay.
            throw new ExecutionSuspendedException(token, deadlines);
        }

        var outcome = await tokens.WaitAsync(token, scheduledAt, timeout, heartbeat, run.Cancellation);
        return outcome.Result switch
        {
            CallbackResult.Succeeded => Payloads.Parse(outcome.Output),
            CallbackResult.Failed => throw new StateFailure(outcome.Error ?? string.Empty, outcome.Cause ?? string.Empty),
            CallbackResult.HeartbeatTimedOut => throw TaskOutcomes.HeartbeatTimeout(state),
            _ => throw TaskOutcomes.Timeout(state),
        };
    }

    private async Task<JsonNode?> SyncAsync(TaskState state, JsonNode? parameters, StateRun run, TaskResourceName name, int? timeout)
    {
        if (state.BaseResource != StartExecutionResource || Children is null)
        {
            throw new StateFailure(StatesErrors.Runtime, $"The resource '{state.Resource}' is not available in the local engine: only states:startExecution supports .sync here.");
        }

        string childArn;
        if (run.Recorded() is { Type: HistoryEventType.TaskSubmitted } submitted)
        {
            childArn = Payloads.Parse(run.Emit(submitted).TaskSubmittedEventDetails?.Output)?["ExecutionArn"]?.GetValue<string>() ?? string.Empty;
        }
        else
        {
            var started = await Children.StartAsync(parameters, run.Execution, RedriveReplay.AttemptKey(run.Execution, run.Frame), run.Cancellation);
            childArn = started["ExecutionArn"]!.GetValue<string>();
            run.Emit(Events.TaskSubmitted(name, started.ToJsonString()));
        }

        var outputAsJson = state.Resource.EndsWith(":2", StringComparison.Ordinal);
        return await WithTimeoutAsync(state, timeout, run, c => Children.WaitAsync(childArn, outputAsJson, c));
    }

    private async Task<JsonNode?> InvokeAsync(TaskState state, JsonNode? parameters, StateRun run, string? token, CancellationToken cancellation)
    {
        if (state.BaseResource == StartExecutionResource && Children is not null)
        {
            return await Children.StartAsync(parameters, run.Execution, $"{run.Frame.Key}#{run.Frame.Sequence}", cancellation);
        }

        var handler = resources.Find(state.BaseResource);
        try
        {
            return await handler.InvokeAsync(new ResourceInvocation(state.BaseResource, parameters, token, run.Execution.Arn, state.Name), cancellation);
        }
        catch (ResourceFailedException e)
        {
            throw new StateFailure(e.Error, e.Cause);
        }
    }

    private static async Task<JsonNode?> WithTimeoutAsync(TaskState state, int? timeout, StateRun run, Func<CancellationToken, Task<JsonNode?>> call)
    {
        var cancellation = run.Cancellation;
        if (timeout is null)
        {
            return await call(cancellation);
        }

        var (source, timer) = LongTimer.CancelAt(run.Execution.Services.Time, run.Execution.Now.AddSeconds(timeout.Value));
        using var timeoutSource = source;
        using var longTimer = timer;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeoutSource.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw TaskOutcomes.Timeout(state);
        }
    }

    private static StateResult Replayed(HistoryEvent ended) => ended.Type switch
    {
        HistoryEventType.TaskSucceeded => new StateResult(Payloads.Parse(ended.TaskSucceededEventDetails?.Output)),
        HistoryEventType.TaskFailed => throw new StateFailure(ended.TaskFailedEventDetails?.Error ?? string.Empty, ended.TaskFailedEventDetails?.Cause ?? string.Empty),
        _ => throw new StateFailure(ended.TaskTimedOutEventDetails?.Error ?? StatesErrors.Timeout, ended.TaskTimedOutEventDetails?.Cause ?? string.Empty),
    };

    /// <summary>A JSONata timeout: the expression must give a positive whole number of seconds.</summary>
    private static int? Seconds(JsonataField? expression, StateRun run)
    {
        if (expression is null)
        {
            return null;
        }

        var scope = run.Scope(run.EffectiveInput);
        return expression.EvaluateInteger(new JsonataScope(scope.Input, scope.Context, scope.Variables), min: 1);
    }

    private static int? Seconds(int? literal, JsonPathExpression? path, StateRun run, string field)
    {
        if (path is null)
        {
            return literal;
        }

        return run.Scope(run.EffectiveInput).TrySelect(path, out var value) && JsonData.TryGetDouble(value, out var seconds) && seconds >= 1 && seconds == Math.Floor(seconds)
            ? (int)seconds
            : throw new StateFailure(StatesErrors.Runtime, $"The {field} '{path.Text}' must point to a positive integer.");
    }
}
