using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>Transitions to the first branch whose rule matches, else to Default, else fails with States.NoChoiceMatched.</summary>
internal sealed class ChoiceState : State
{
    public override string Type => "Choice";

    public override bool ProducesResult => false;

    public IReadOnlyList<ChoiceBranch> Choices { get; init; } = [];

    public string? Default { get; init; }

    public override IEnumerable<string> Transitions =>
        Choices.Select(c => c.Next).Concat(Default is null ? [] : [Default]);

    /// <summary>The branch the input takes: the first matching rule's, else Default.</summary>
    public StateResult Choose(JsonNode? input, PathScope scope)
    {
        foreach (var branch in Choices)
        {
            if (branch.Rule.Matches(scope))
            {
                var assigned = branch.Assign is null ? null : Variables.VariableAssignment.From(branch.Assign.Evaluate(scope), Name);
                return branch.Output is null
                    ? new StateResult(input, branch.Next, assigned)
                    : new StateResult(branch.Output.Evaluate(scope), branch.Next, assigned, OutputIsFinal: true);
            }
        }

        return Default is not null
            ? new StateResult(input, Default)
            : throw new StateFailure(StatesErrors.NoChoiceMatched, $"No Choice Rules matched and no Default is specified in the state '{Name}'.");
    }
}
