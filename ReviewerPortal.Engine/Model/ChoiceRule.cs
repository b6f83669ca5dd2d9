using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>A Boolean expression of a Choice state, over the state's effective input and the context object.</summary>
internal abstract record ChoiceRule
{
    public abstract bool Matches(PathScope scope);
}

internal sealed record AndRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule
{
    public override bool Matches(PathScope scope) => Rules.All(r => r.Matches(scope));
}

internal sealed record OrRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule
{
    public override bool Matches(PathScope scope) => Rules.Any(r => r.Matches(scope));
}

internal sealed record NotRule(ChoiceRule Rule) : ChoiceRule
{
    public override bool Matches(PathScope scope) => !Rule.Matches(scope);
}

/// <summary>
/// <c>{"Variable": "$.x", "&lt;Operator&gt;": value | "&lt;Operator&gt;Path": "$.y"}</c>. A Variable that matches nothing fails
/// the execution with States.Runtime, except for IsPresent, which exists to test exactly that.
/// </summary>
internal sealed record ComparisonRule(JsonPathExpression Variable, ComparisonOperator Operator, System.Text.Json.Nodes.JsonNode? Operand, JsonPathExpression? OperandPath)
    : ChoiceRule
{
    public override bool Matches(PathScope scope)
    {
        var present = scope.TrySelect(Variable, out var value);
        if (Operator.Kind == ComparisonKind.IsPresent)
        {
            return Operator.Test(present, value, Operand);
        }

        if (!present)
        {
            throw new StateFailure(StatesErrors.Runtime, $"Invalid path '{Variable.Text}': The choice state's condition path references an invalid value.");
        }

        var operand = Operand;
        if (OperandPath is not null && !scope.TrySelect(OperandPath, out operand))
        {
            throw new StateFailure(StatesErrors.Runtime, $"Invalid path '{OperandPath.Text}': The choice state's condition path references an invalid value.");
        }

        return Operator.Test(present, value, operand);
    }
}

/// <summary>One rule of the <c>Choices</c> array with the state it transitions to.</summary>
/// <summary>A top-level Choice rule: where it leads, and the variables it assigns when it is the one that matched.</summary>
/// <param name="Output">JSONata only: the state's output when this rule matches, in place of the state's own Output.</param>
internal sealed record ChoiceBranch(ChoiceRule Rule, string Next, PayloadTemplate? Assign = null, JsonataTemplate? Output = null);
