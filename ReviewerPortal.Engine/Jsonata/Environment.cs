namespace ReviewerPortal.Engine.Jsonata;

/// <summary>A scope of variable bindings: a block, a lambda's call or the expression's root with its functions.</summary>
/// <param name="resolve">A host's variables, looked up (and converted) only when an expression reads them.</param>
internal sealed class Environment(Environment? parent, Func<string, (bool Found, object? Value)>? resolve = null)
{
    private readonly Environment? parent = parent;
    private readonly Func<string, (bool Found, object? Value)>? resolve = resolve;
    private readonly Dictionary<string, object?> bindings = new(StringComparer.Ordinal);

    public void Bind(string name, object? value) => bindings[name] = value;

    public bool TryLookup(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.parent)
        {
            if (scope.bindings.TryGetValue(name, out value))
            {
                return true;
            }

            if (scope.resolve is not null && scope.resolve(name) is (true, var found))
            {
                scope.bindings[name] = found;
                value = found;
                return true;
            }
        }

        value = null;
        return false;
    }

    public object? Lookup(string name) => TryLookup(name, out var value) ? value : null;
}
