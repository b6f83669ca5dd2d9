using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Execution;

namespace ReviewerPortal.Engine.Model;

/// <summary>Passes its input (or its fixed <c>Result</c>) to its output.</summary>
internal sealed class PassState : State
{
    public override string Type => "Pass";

    public JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    public override ValueTask<StateResult> ExecuteAsync(JsonNode? input, StateRun run) =>
        ValueTask.FromResult(new StateResult(HasResult ? Result?.DeepClone() : input));
}
