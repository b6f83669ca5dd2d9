using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Intrinsics;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses a Fail state: Error or ErrorPath, Cause or CausePath (a path or an intrinsic function).</summary>
internal static class FailParser
{
    public static FailState Parse(JsonObject obj, string name, string location, ParseContext context)
    {
        var (errorPath, errorFunction) = DynamicField(obj, "ErrorPath", location, context);
        var (causePath, causeFunction) = DynamicField(obj, "CausePath", location, context);
        if (obj.ContainsKey("Error") && obj.ContainsKey("ErrorPath"))
        {
            context.Fail(location, $"The Fail state '{name}' cannot have both 'Error' and 'ErrorPath'.");
        }

        if (obj.ContainsKey("Cause") && obj.ContainsKey("CausePath"))
        {
            context.Fail(location, $"The Fail state '{name}' cannot have both 'Cause' and 'CausePath'.");
        }

        return new FailState
        {
            Name = name,
            ErrorExpression = context.Jsonata && JsonataTemplate.IsExpression(obj["Error"], out _) ? JsonataStateParser.Field(obj, "Error", location, context) : null,
            CauseExpression = context.Jsonata && JsonataTemplate.IsExpression(obj["Cause"], out _) ? JsonataStateParser.Field(obj, "Cause", location, context) : null,
            Error = context.String(obj, "Error", location),
            Cause = context.String(obj, "Cause", location),
            ErrorPath = errorPath,
            ErrorFunction = errorFunction,
            CausePath = causePath,
            CauseFunction = causeFunction,
        };
    }

    private static (JsonPathExpression? Path, IntrinsicCall? Function) DynamicField(JsonObject obj, string field, string location, ParseContext context)
    {
        var text = context.String(obj, field, location);
        if (text is null)
        {
            return (null, null);
        }

        return IntrinsicParser.LooksLikeCall(text)
            ? (null, context.Intrinsic(text, $"{location}/{field}", field))
            : (context.Path(text, $"{location}/{field}", field, reference: true), null);
    }
}
