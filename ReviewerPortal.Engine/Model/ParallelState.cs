namespace ReviewerPortal.Engine.Model;

/// <summary>Runs every branch on the same input concurrently; the result is the array of branch outputs, in order.</summary>
internal sealed class ParallelState : State
{
    public override string Type => "Parallel";

    public IReadOnlyList<StateGraph> Branches { get; init; } = [];
}
