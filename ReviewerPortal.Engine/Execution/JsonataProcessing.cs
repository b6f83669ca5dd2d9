using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Paths;
using ReviewerPortal.Engine.Variables;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// A JSONata state's input and output processing, which replaces JSONPath's five steps with two fields: Arguments (what
/// a Task, Parallel or Map works on; by default the state's input) and Output (the state's output; by default its result).
/// Assign reads <c>$states.input</c> and <c>$states.result</c> and, as in JSONPath mode, takes effect when the state ends.
/// </summary>
internal static class JsonataProcessing
{
    public static async Task<(JsonNode? Output, string? Next)> ProcessAsync(StateRun run, State state, JsonNode? rawInput, JsonataFields fields)
    {
        run.EffectiveInput = rawInput;
        var entry = run.Scope(rawInput);
        var arguments = fields.Arguments?.Evaluate(new JsonataScope(rawInput, entry.Context, entry.Variables)) ?? rawInput;
        var result = await StateWork.RunAsync(state, arguments, run);
        var scope = new JsonataScope(rawInput, entry.Context, entry.Variables, result.Output);
        var own = state.Assign is JsonataTemplate assign ? VariableAssignment.From(assign.Evaluate(scope), state.Name) : null;
        var assignment = own is null ? result.Assigned : result.Assigned is null ? own : own.Then(result.Assigned, state.Name);
        var output = fields.Output is null || result.OutputIsFinal ? result.Output : fields.Output.Evaluate(scope);
        if (assignment is not null)
        {
            run.Frame.Variables.Set(assignment);
        }

        return (output, result.Next);
    }

    /// <summary>A catcher of a JSONata state: its Assign and Output read <c>$states.errorOutput</c>; the output defaults to it.</summary>
    public static JsonNode? Caught(CatchPolicy catcher, JsonNode? input, JsonObject errorOutput, ContextObject context, Frame frame, string stateName)
    {
        var scope = new JsonataScope(input, context, frame.Variables, ErrorOutput: errorOutput);
        if (catcher.Assign is JsonataTemplate assign)
        {
            frame.Variables.Set(VariableAssignment.From(assign.Evaluate(scope), stateName));
        }

        return catcher.Output is JsonataTemplate output ? output.Evaluate(scope) : errorOutput.DeepClone();
    }
}
