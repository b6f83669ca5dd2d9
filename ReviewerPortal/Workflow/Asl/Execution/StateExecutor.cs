using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.Asl.Model;

namespace ReviewerPortal.Workflow.Asl.Execution;

/// <summary>
/// Runs states: the transitions through a graph, and for each state the documented processing order
/// InputPath → Parameters → (the state's work) → ResultSelector → ResultPath → OutputPath, with Retry and Catch.
/// </summary>
internal static class StateExecutor
{
    public static async Task<JsonNode?> RunGraphAsync(ExecutionRun run, Frame frame, StateGraph graph, JsonNode? input, CancellationToken cancellation)
    {
        var state = graph.States[graph.StartAt];
        string? inputText = null;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
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
                var (output, next) = await AttemptAsync(attemptRun, state, input);
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

                var errorOutput = new JsonObject { ["Error"] = failure.Error, ["Cause"] = failure.Cause };
                var output = catcher.ResultPath is null ? input : Paths.ResultPathWriter.Write(input, catcher.ResultPath, errorOutput);
                return Exit(run, frame, state, output, catcher.Next);
            }
        }
    }

    private static async Task<(JsonNode? Output, string? Next)> AttemptAsync(StateRun run, State state, JsonNode? rawInput)
    {
        try
        {
            return await ProcessAsync(run, state, rawInput);
        }
        catch (Exception e) when (e is not StateFailure and not OperationCanceledException and not ExecutionSuspendedException)
        {
            // A defect or an unexpected value must fail the execution with a name, not crash the engine.
            throw new StateFailure(StatesErrors.Runtime, $"{e.GetType().Name} in the state '{state.Name}': {e.Message}");
        }
    }

    private static async Task<(JsonNode? Output, string? Next)> ProcessAsync(StateRun run, State state, JsonNode? rawInput)
    {
        var effective = state.InputPath.Apply(rawInput, run.Scope(rawInput), "InputPath");
        run.EffectiveInput = effective;
        if (state.Parameters is not null)
        {
            effective = state.Parameters.Evaluate(run.Scope(effective));
        }

        var result = await state.ExecuteAsync(effective, run);
        if (!state.ProducesResult)
        {
            return (state.OutputPath.Apply(result.Output, run.Scope(result.Output), "OutputPath"), result.Next);
        }

        var value = result.Output;
        if (state.ResultSelector is not null)
        {
            value = state.ResultSelector.Evaluate(run.Scope(value));
        }

        var combined = state.ResultPath.Path is null ? rawInput : Paths.ResultPathWriter.Write(rawInput, state.ResultPath.Path, value);
        return (state.OutputPath.Apply(combined, run.Scope(combined), "OutputPath"), result.Next);
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

    private static int FindRetrier(State state, string error)
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
            await Task.Delay(delay, run.Services.Time, cancellation);
        }
    }
}
