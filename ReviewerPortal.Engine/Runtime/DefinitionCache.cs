using System.Collections.Concurrent;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.Engine.Parsing;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>Parsed definitions by their text: a definition is parsed once, not once per execution.</summary>
internal sealed class DefinitionCache
{
    private const int Limit = 256;
    private readonly ConcurrentDictionary<string, StateMachineDefinition> parsed = new(StringComparer.Ordinal);

    public StateMachineDefinition Get(string definition)
    {
        if (parsed.TryGetValue(definition, out var known))
        {
            return known;
        }

        var result = DefinitionParser.Parse(definition);
        if (result.Definition is null)
        {
            // Only valid definitions are stored, so this means the stored text was changed outside the API.
            throw new InvalidOperationException("The stored definition is not valid: " + string.Join("; ", result.Errors));
        }

        if (parsed.Count >= Limit)
        {
            parsed.Clear();
        }

        return parsed.GetOrAdd(definition, result.Definition);
    }
}
