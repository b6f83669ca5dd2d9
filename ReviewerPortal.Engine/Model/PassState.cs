using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Model;

/// <summary>Passes its input (or its fixed <c>Result</c>) to its output.</summary>
internal sealed class PassState : State
{
    public override string Type => "Pass";

    public JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    public JsonNode? Output(JsonNode? input) => HasResult ? Result?.DeepClone() : input;
}
