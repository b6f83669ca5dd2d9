using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Variables;

/// <summary>
/// The workflow variables (<c>Assign</c>, <c>$name</c>) one strand of an execution sees. The top-level states share one
/// scope; each Parallel branch and Map iteration gets a scope of its own that reads the enclosing ones (a Distributed
/// Map's iterations do not), and what it assigns is gone when it ends. Every reader goes through <see cref="TryGet"/>:
/// JSONPath's <c>$name.field</c> and JSONata's <c>$name</c> alike.
/// </summary>
internal sealed class VariableScope
{
    private readonly VariableScope? parent;

    /// <summary>Made on the first Assign (most frames never assign) and also the lock of this scope's values.</summary>
    private Dictionary<string, JsonNode?>? values;

    private VariableScope(VariableScope? parent) => this.parent = parent;

    /// <summary>The scope of an execution's top-level states.</summary>
    public static VariableScope Root() => new(null);

    /// <summary>A Parallel branch's or inline Map iteration's scope: reads this one, writes only its own.</summary>
    public VariableScope Child() => new(this);

    /// <summary>
    /// The value of <paramref name="name"/>, from this scope or the nearest enclosing one that has it. The stored node is
    /// returned as it is: callers select from it and copy what they keep (<see cref="Paths.PathScope"/> does).
    /// </summary>
    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.parent)
        {
            if (Volatile.Read(ref scope.values) is not { } own)
            {
                continue;
            }

            lock (own)
            {
                if (own.TryGetValue(name, out value))
                {
                    return true;
                }
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Stores the values one state's Assign produced, all at once: they were all evaluated against the values the state
    /// entered with ("every reference in a state reads the values from state entry").
    /// </summary>
    public void Set(VariableAssignment assignment)
    {
        var own = Volatile.Read(ref values) ?? Interlocked.CompareExchange(ref values, new(StringComparer.Ordinal), null) ?? values!;
        lock (own)
        {
            foreach (var (name, value) in assignment.Values)
            {
                own[name] = value;
            }
        }
    }
}
