using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Variables;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// Runs states: the transitions through a graph, and for each state the documented processing order
/// InputPath → Parameters → (the state's work) → ResultSelector → ResultPath → OutputPath, with Retry and Catch.
/// </summary>
internal static class StateExecutor
{
    private const int YieldEvery = 32;

    public static async Task<JsonNode?> RunGraphAsync(ExecutionRun run, Frame frame, StateGraph graph, JsonNode? input, CancellationToken cancellation)
    {
        var state = graph.States[graph.StartAt];
        string? inputText = null;
        for (var transitions = 1; ; transitions++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (transitions % YieldEvery == 0)
            {
                // States that finish at once (Pass, Choice) never give the thread back; a loop of them would hold a
                // slot of the engine's scheduler forever. Queueing behind the others keeps one runaway execution
                // from starving the rest.
                await Task.Yield();
            }

            var (output, next, outputText) = await ExecuteAsync(run, frame, state, input, inputText, cancellation);
            if (next is null)
            {
                return output;
            }

            // One state's output text is the next one's input text: serialized once per transition.
            state = graph.States[next];
            input = output;
            inputText = outputText;
        }
    }

    private static async Task<(JsonNode? Output, string? Next, string OutputText)> ExecuteAsync(
        ExecutionRun run, Frame frame, State state, JsonNode? input, string? inputText, CancellationToken cancellation)
    {
        inputText ??= Payloads.Serialize(input, "input of the state", state.Name);
        var entered = run.Emit(frame, Events.StateEntered(state.Type, state.Name, inputText));
        var enteredTime = new DateTimeOffset(entered.Timestamp, TimeSpan.Zero);
        var retries = state.Retry.Count == 0 ? [] : new int[state.Retry.Count];
        var attempt = 0;
        while (true)
        {
            try
            {
                var token = state is TaskState { Pattern: IntegrationPattern.WaitForTaskToken }
                    ? await run.Services.Tokens.IssueAsync(run, $"{frame.Key}#{frame.Sequence}", replaying: run.Recorded(frame) is not null)
                    : null;
                var attemptRun = new StateRun(run, frame, state, enteredTime, attempt, token, cancellation);
                var (output, next) = await AttemptAsync(attemptRun, state, input, entered.Id);
                return Exit(run, frame, state, output, next ?? (state.End ? null : state.Next));
            }
            catch (StateFailure failure) when (state.Retry.Count > 0 || state.Catch.Count > 0)
            {
                var retrier = FindRetrier(state, failure.Error);
                if (retrier >= 0 && retries[retrier] < state.Retry[retrier].MaxAttempts)
                {
                    var delay = state.Retry[retrier].DelayBefore(retries[retrier]++);
                    attempt++;
                    await SleepBeforeRetryAsync(run, frame, delay, cancellation);
                    continue;
                }

                var catcher = state.Catch.FirstOrDefault(c => c.Errors.Matches(failure.Error));
                if (catcher is null)
                {
                    throw;
                }

                var errorOutput = ErrorOutput(failure);
                if (state.Jsonata is not null)
                {
                    var caughtContext = new StateContextObject(run, state, enteredTime, attempt, null, null);
                    return Exit(run, frame, state, JsonataProcessing.Caught(catcher, input, errorOutput, caughtContext, frame, state.Name), catcher.Next);
                }

                if (catcher.Assign is not null)
                {
                    var context = new StateContextObject(run, state, enteredTime, attempt, null, null);
                    var scope = new Paths.PathScope(errorOutput, context, frame.Variables);
                    frame.Variables.Set(VariableAssignment.From(catcher.Assign.Evaluate(scope), state.Name));
                }

                var output = catcher.ResultPath is null ? input : Paths.ResultPathWriter.Write(input, catcher.ResultPath, errorOutput.DeepClone());
                return Exit(run, frame, state, output, catcher.Next);
            }
        }
    }

    private static async Task<(JsonNode? Output, string? Next)> AttemptAsync(StateRun run, State state, JsonNode? rawInput, long enteredEventId)
    {
        try
        {
            return await ProcessAsync(run, state, rawInput);
        }
        catch (StateFailure failure) when (failure.NamesState)
        {
            throw new StateFailure(failure.Error, $"An error occurred while executing the state '{state.Name}' (entered at the event id #{enteredEventId}). {failure.Cause}");
        }
        catch (Exception e) when (e is not StateFailure and not OperationCanceledException and not ExecutionSuspendedException and not HistoryLimitReachedException)
        {
            // A defect or an unexpected value must fail the execution with a name, not crash the engine; the .NET text
            // stays in the portal's log (the engine logs the inner exception), never in the history or the API.
            throw new StateFailure($"An internal error occurred while executing the state '{state.Name}'; the portal's log has the details.", e);
        }
    }

    private static async Task<(JsonNode? Output, string? Next)> ProcessAsync(StateRun run, State state, JsonNode? rawInput)
    {
        if (state.Jsonata is { } jsonata)
        {
            return await JsonataProcessing.ProcessAsync(run, state, rawInput, jsonata);
        }

        var effective = state.InputPath.Apply(rawInput, run.Scope(rawInput), "InputPath");
        run.EffectiveInput = effective;
        if (state.Parameters is not null)
        {
            effective = state.Parameters.Evaluate(run.Scope(effective));
        }

        var result = await StateWork.RunAsync(state, effective, run);
        if (!state.ProducesResult)
        {
            var passed = state.OutputPath.Apply(result.Output, run.Scope(result.Output), "OutputPath");
            AssignVariables(run, result.Output, result.Assigned);
            return (passed, result.Next);
        }

        var value = result.Output;
        if (state.ResultSelector is not null)
        {
            value = state.ResultSelector.Evaluate(run.Scope(value));
        }

        // Assign reads the result before ResultPath places it (and may take it apart); it is evaluated first, stored last.
        var assignment = Assignment(run, value, result.Assigned);
        var combined = state.ResultPath.Path is null ? rawInput : Paths.ResultPathWriter.Write(rawInput, state.ResultPath.Path, value);
        var output = state.OutputPath.Apply(combined, run.Scope(combined), "OutputPath");
        if (assignment is not null)
        {
            run.Frame.Variables.Set(assignment);
        }

        return (output, result.Next);
    }

    /// <summary>
    /// Evaluates the state's Assign (its <c>$</c> is the state's result) against the variables the state entered with;
    /// a matched Choice rule's own Assign is laid over it.
    /// </summary>
    private static VariableAssignment? Assignment(StateRun run, JsonNode? result, VariableAssignment? ruleAssigned)
    {
        var own = run.State.Assign is null ? null : VariableAssignment.From(run.State.Assign.Evaluate(run.Scope(result)), run.State.Name);
        return own is null ? ruleAssigned : ruleAssigned is null ? own : own.Then(ruleAssigned, run.State.Name);
    }

    /// <summary>New values take effect when the state ends: every path of the state above read the entry values.</summary>
    private static void AssignVariables(StateRun run, JsonNode? result, VariableAssignment? ruleAssigned)
    {
        if (Assignment(run, result, ruleAssigned) is { } assignment)
        {
            run.Frame.Variables.Set(assignment);
        }
    }

    /// <summary>The error output a catcher receives: a Fail state without Error or Cause leaves those fields out.</summary>
    private static JsonObject ErrorOutput(StateFailure failure)
    {
        var output = new JsonObject();
        if (failure.Error is not null)
        {
            output["Error"] = failure.Error;
        }

        if (failure.Cause is not null)
        {
            output["Cause"] = failure.Cause;
        }

        return output;
    }

    private static (JsonNode? Output, string? Next, string OutputText) Exit(ExecutionRun run, Frame frame, State state, JsonNode? output, string? next)
    {
        var text = Payloads.Serialize(output, "output of the state", state.Name);
        var exited = run.Emit(frame, Events.StateExited(state.Type, state.Name, text));

        // After a restart the recorded output is authoritative: it may hold values (UUIDs, random numbers, callback
        // results) that re-running the state would not reproduce.
        var recordedText = exited.StateExitedEventDetails?.Output ?? "null";
        return (ReferenceEquals(recordedText, text) ? output : Payloads.Parse(recordedText), next, recordedText);
    }

    private static int FindRetrier(State state, string? error)
    {
        for (var i = 0; i < state.Retry.Count; i++)
        {
            if (state.Retry[i].Errors.Matches(error))
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task SleepBeforeRetryAsync(ExecutionRun run, Frame frame, TimeSpan delay, CancellationToken cancellation)
    {
        // In a replay the next attempt is already recorded: it happened before the restart, so do not wait again.
        if (run.Recorded(frame) is null && delay > TimeSpan.Zero)
        {
            await LongTimer.DelayUntilAsync(run.Services.Time, run.Now + delay, cancellation);
        }
    }
}
