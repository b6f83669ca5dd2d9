using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Intrinsics;

/// <summary>An argument of an intrinsic call: a literal, a path into the input or context, or a nested call.</summary>
internal abstract record IntrinsicArgument
{
    public abstract JsonNode? Evaluate(PathScope scope);
}

/// <param name="Raw">A string literal as written (with its escapes), which States.Format reads for escaped braces.</param>
internal sealed record LiteralArgument(JsonNode? Value, string? Raw) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope) => Value?.DeepClone();
}

internal sealed record PathArgument(JsonPathExpression Path) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope) =>
        scope.TrySelect(Path, out var value)
            ? value
            : throw new StateFailure(StatesErrors.IntrinsicFailure, $"The path '{Path.Text}' of an intrinsic function argument matched nothing.");
}

internal sealed record CallArgument(IntrinsicCall Call) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope) => Call.Evaluate(scope);
}

/// <summary>A parsed call such as <c>States.Format('Hello {}', $.name)</c>, evaluated against the state's input and context.</summary>
internal sealed record IntrinsicCall(IntrinsicFunction Function, IReadOnlyList<IntrinsicArgument> Arguments, string Text)
{
    public JsonNode? Evaluate(PathScope scope)
    {
        var values = Arguments.Select(a => a.Evaluate(scope)).ToList();
        if (Function is FormatFunction format && Arguments.Count > 0 && Arguments[0] is LiteralArgument { Raw: { } raw })
        {
            return format.Format(raw, escaped: true, values);
        }

        return Function.Invoke(values);
    }

    public override string ToString() => Text;
}
