using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// The subset of DynamoDB update expressions the templates write: <c>SET a = :v, #b = :w REMOVE c, d ADD n :one</c>,
/// with names, string values and numeric increments resolved. Arithmetic, functions and DELETE are refused with a
/// clear error.
/// </summary>
internal sealed record UpdateExpression(
    IReadOnlyDictionary<string, string> Set,
    IReadOnlyList<string> Remove,
    IReadOnlyDictionary<string, decimal> Add)
{
    public static UpdateExpression Parse(string expression, JsonObject? names, JsonObject? values)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var remove = new List<string>();
        var add = new Dictionary<string, decimal>(StringComparer.Ordinal);
        string? clause = null;
        foreach (var part in Tokenize(expression))
        {
            if (part is "SET" or "REMOVE" or "ADD")
            {
                clause = part;
                continue;
            }

            if (clause == "SET")
            {
                var eq = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (eq.Length != 2 || !eq[1].StartsWith(':'))
                {
                    throw Invalid($"'{part}' is not of the form name = :value");
                }

                set[Name(eq[0], names)] = values?[eq[1]]?["S"]?.GetValue<string>() ?? throw Invalid($"{eq[1]} needs a string value");
            }
            else if (clause == "REMOVE")
            {
                remove.Add(Name(part, names));
            }
            else if (clause == "ADD")
            {
                var operands = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (operands.Length != 2 || !operands[1].StartsWith(':'))
                {
                    throw Invalid($"'{part}' is not of the form name :value");
                }

                add[Name(operands[0], names)] = Number(values?[operands[1]]?["N"]?.GetValue<string>()) ?? throw Invalid($"{operands[1]} needs a number value");
            }
            else
            {
                throw Invalid($"'{part}' is outside a SET, REMOVE or ADD clause");
            }
        }

        return new UpdateExpression(set, remove, add);
    }

    // Splits "SET a = :x, b = :y REMOVE c" into clause keywords and comma-separated actions.
    private static IEnumerable<string> Tokenize(string expression)
    {
        var words = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var action = new List<string>();
        foreach (var word in words)
        {
            if (word is "SET" or "REMOVE" or "ADD" or "DELETE")
            {
                if (action.Count > 0)
                {
                    yield return string.Join(' ', action).TrimEnd(',');
                    action.Clear();
                }

                yield return word is "SET" or "REMOVE" or "ADD" ? word : throw Invalid($"{word} is not supported locally");
                continue;
            }

            action.Add(word);
            if (word.EndsWith(','))
            {
                yield return string.Join(' ', action).TrimEnd(',');
                action.Clear();
            }
        }

        if (action.Count > 0)
        {
            yield return string.Join(' ', action);
        }
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static string Name(string token, JsonObject? names) =>
        token.StartsWith('#')
            ? names?[token]?.GetValue<string>() ?? throw Invalid($"{token} has no ExpressionAttributeNames entry")
            : token;

    private static ResourceFailedException Invalid(string problem) => new("DynamoDB.ValidationException", "UpdateExpression: " + problem + ".");
}
