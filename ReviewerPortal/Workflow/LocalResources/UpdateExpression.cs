using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.Asl.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// The subset of DynamoDB update expressions the templates write: <c>SET a = :v, #b = :w REMOVE c, d</c>, with names
/// and string values resolved. Arithmetic, functions and ADD/DELETE are refused with a clear error.
/// </summary>
internal sealed record UpdateExpression(IReadOnlyDictionary<string, string> Set, IReadOnlyList<string> Remove)
{
    public static UpdateExpression Parse(string expression, JsonObject? names, JsonObject? values)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var remove = new List<string>();
        string? clause = null;
        foreach (var part in Tokenize(expression))
        {
            if (part is "SET" or "REMOVE")
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
            else
            {
                throw Invalid($"'{part}' is outside a SET or REMOVE clause");
            }
        }

        return new UpdateExpression(set, remove);
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

                yield return word is "SET" or "REMOVE" ? word : throw Invalid($"{word} is not supported locally");
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

    private static string Name(string token, JsonObject? names) =>
        token.StartsWith('#')
            ? names?[token]?.GetValue<string>() ?? throw Invalid($"{token} has no ExpressionAttributeNames entry")
            : token;

    private static ResourceFailedException Invalid(string problem) => new("DynamoDB.ValidationException", "UpdateExpression: " + problem + ".");
}
