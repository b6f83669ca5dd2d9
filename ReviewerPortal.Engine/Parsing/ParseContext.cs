using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Intrinsics;
using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Collects diagnostics while reading typed fields out of a JSON object at a location.</summary>
internal sealed class ParseContext
{
    public List<AslDiagnostic> Diagnostics { get; } = [];

    /// <summary>The definition's top-level QueryLanguage is JSONata: states without their own QueryLanguage use it.</summary>
    public bool DefaultJsonata { get; set; }

    /// <summary>The state being parsed uses JSONata: its templates hold <c>{% %}</c> expressions, not <c>.$</c> paths.</summary>
    public bool Jsonata { get; set; }

    public void Fail(string location, string message, string code = AslDiagnostic.SchemaValidationFailed) =>
        Diagnostics.Add(new AslDiagnostic(code, message, location));

    public void Warn(string location, string message, string code) =>
        Diagnostics.Add(new AslDiagnostic(code, message, location, AslDiagnostic.Warning));

    public void CheckFields(JsonObject obj, string location, string what, IReadOnlySet<string> allowed)
    {
        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name))
            {
                Fail($"{location}/{name}", $"The field '{name}' is not supported in {what}.");
            }
        }
    }

    public string? String(JsonObject obj, string field, string location, bool required = false)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            if (required)
            {
                Fail(location, $"The field '{field}' is required.");
            }

            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        Fail($"{location}/{field}", $"The field '{field}' must be a string.");
        return null;
    }

    public int? Integer(JsonObject obj, string field, string location, int min)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d == Math.Floor(d) && d >= min && d <= int.MaxValue)
        {
            return (int)d;
        }

        Fail($"{location}/{field}", $"The field '{field}' must be an integer of at least {min}.");
        return null;
    }

    public double? Number(JsonObject obj, string field, string location, double min)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() >= min)
        {
            return v.GetValue<double>();
        }

        Fail($"{location}/{field}", $"The field '{field}' must be a number of at least {min}.");
        return null;
    }

    public bool Boolean(JsonObject obj, string field, string location)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return false;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        Fail($"{location}/{field}", $"The field '{field}' must be a boolean.");
        return false;
    }

    /// <summary>A JSONPath field; <paramref name="reference"/> requires a Reference Path (names and indexes only).</summary>
    public JsonPathExpression? Path(string? text, string location, string field, bool reference, bool allowContext = true)
    {
        if (text is null)
        {
            return null;
        }

        if (!JsonPathExpression.TryParse(text, out var path, out var error))
        {
            Fail(location, $"The value of '{field}' is not a valid JSONPath: {error}");
            return null;
        }

        if (reference && !path!.IsDefinite)
        {
            Fail(location, $"The value of '{field}' must be a reference path (no wildcards, filters, unions or slices): '{text}'.");
            return null;
        }

        if (!allowContext && path!.IsContext)
        {
            Fail(location, $"The value of '{field}' cannot refer to the context object: '{text}'.");
            return null;
        }

        // ResultPath (the one field without the context object) writes into the state's data, never into a variable.
        if (!allowContext && path!.Variable is not null)
        {
            Fail(location, $"The value of '{field}' cannot refer to a variable: '{text}'.");
            return null;
        }

        return path;
    }

    public IntrinsicCall? Intrinsic(string text, string location, string field)
    {
        try
        {
            return IntrinsicParser.Parse(text);
        }
        catch (FormatException e)
        {
            Fail(location, $"The value of '{field}' is not a valid intrinsic function: {e.Message}");
            return null;
        }
    }
}
