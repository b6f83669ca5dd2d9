using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses and validates an Amazon States Language definition (JSONPath and JSONata) into its typed, immutable model.</summary>
internal static class DefinitionParser
{
    private static readonly HashSet<string> TopFields = ["Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage"];

    public static ParseResult Parse(string? definition)
    {
        var context = new ParseContext();
        if (string.IsNullOrWhiteSpace(definition))
        {
            context.Fail("/", "The definition is empty.", AslDiagnostic.MissingDescription);
            return new ParseResult(null, context.Diagnostics);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(definition, documentOptions: Payloads.Strict);
        }
        catch (JsonException e)
        {
            context.Fail("/", $"The definition is not valid JSON: {JsonErrors.Describe(e)}", AslDiagnostic.InvalidJson);
            return new ParseResult(null, context.Diagnostics);
        }

        if (root is not JsonObject obj)
        {
            context.Fail("/", "The definition must be a JSON object.");
            return new ParseResult(null, context.Diagnostics);
        }

        context.CheckFields(obj, string.Empty, "a state machine", TopFields);
        context.DefaultJsonata = JsonataStateParser.Language(obj, string.Empty, context) == "JSONata";

        var timeout = context.Integer(obj, "TimeoutSeconds", string.Empty, min: 1);
        context.String(obj, "Comment", string.Empty);
        context.String(obj, "Version", string.Empty);
        var (startAt, states) = GraphParser.ParseStates(obj, string.Empty, context);
        var valid = states is not null && startAt is not null && context.Diagnostics.All(d => d.Severity != AslDiagnostic.Error);
        var model = valid ? new StateMachineDefinition(startAt!, states!, timeout, obj["Comment"]?.GetValue<string>()) : null;
        return new ParseResult(model, context.Diagnostics.Select(Rooted).ToList());
    }

    private static AslDiagnostic Rooted(AslDiagnostic d) => d.Location.Length == 0 ? d with { Location = "/" } : d;
}
