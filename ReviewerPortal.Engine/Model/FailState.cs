using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Intrinsics;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>Ends the execution (or branch) with an error and cause, fixed or read from the input (ErrorPath, CausePath).</summary>
internal sealed class FailState : State
{
    public override string Type => "Fail";

    public override bool ProducesResult => false;

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public JsonPathExpression? ErrorPath { get; init; }

    public IntrinsicCall? ErrorFunction { get; init; }

    public JsonPathExpression? CausePath { get; init; }

    public IntrinsicCall? CauseFunction { get; init; }

    /// <summary>JSONata: <c>"Error": "{% … %}"</c>.</summary>
    public JsonataTemplate? ErrorExpression { get; init; }

    /// <summary>JSONata: <c>"Cause": "{% … %}"</c>.</summary>
    public JsonataTemplate? CauseExpression { get; init; }

    /// <summary>The failure the state ends with: its Error and Cause, literal or resolved against the input.</summary>
    public StateFailure Failure(PathScope scope)
    {
        var error = ErrorExpression is null ? Resolve(Error, ErrorPath, ErrorFunction, scope, "ErrorPath") : Text(ErrorExpression.Evaluate(scope), "Error");
        var cause = CauseExpression is null ? Resolve(Cause, CausePath, CauseFunction, scope, "CausePath") : Text(CauseExpression.Evaluate(scope), "Cause");
        return new StateFailure(error, cause);
    }

    private static string Text(JsonNode? value, string field) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw StateFailure.InState($"The {field} field must evaluate to a string, but was: {value?.ToJsonString() ?? "null"}", StatesErrors.QueryEvaluationError);

    private static string? Resolve(string? literal, JsonPathExpression? path, IntrinsicCall? function, PathScope scope, string field)
    {
        JsonNode? value;
        if (function is not null)
        {
            value = function.Evaluate(scope);
        }
        else if (path is not null)
        {
            if (!scope.TrySelect(path, out value))
            {
                throw StateFailure.InState($"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{PathTemplate.Shown(scope.Input)}'");
            }
        }
        else
        {
            return literal;
        }

        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new StateFailure(StatesErrors.Runtime, $"The {field} must resolve to a string.");
    }
}
