using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Jsonata.Functions;

namespace ReviewerPortal.Engine.Jsonata;

/// <summary>What an evaluation produced: a JSON value (which may be JSON null), or nothing (JSONata's undefined).</summary>
internal readonly record struct JsonataResult(bool IsDefined, JsonNode? Value);

/// <summary>
/// A JSONata expression, parsed once and evaluated any number of times against System.Text.Json input. Parsing
/// throws <see cref="JsonataException"/> with an S0xxx code; evaluation throws it with JSONata's T, D or U codes.
/// </summary>
internal sealed class JsonataExpression
{
    private readonly Node root;

    private JsonataExpression(string source, Node root)
    {
        Source = source;
        this.root = root;
    }

    public string Source { get; }

    public static JsonataExpression Parse(string source) => new(source, Parser.Parse(source));

    /// <summary>
    /// The expression starts from the context item: <c>$</c>, <c>$$</c> or a bare field name in its first step (Step
    /// Functions refuses these: a state's data is reached through <c>$states</c>).
    /// </summary>
    public bool ReadsContextAtTopLevel
    {
        get
        {
            var first = root.Kind == NodeKind.Path ? root.Items[0] : root;
            return first.Kind is NodeKind.Name or NodeKind.Wildcard or NodeKind.Descendant
                || (first.Kind == NodeKind.Variable && (string)first.Value! is "" or "$");
        }
    }

    /// <param name="input">The context (<c>$</c> and <c>$$</c>).</param>
    /// <param name="bindings">Variables the expression can read, by name without '$'.</param>
    /// <param name="functions">The function library; the standard one when null.</param>
    /// <param name="limits">Time and depth bounds; <see cref="JsonataLimits.Default"/> when null.</param>
    /// <param name="resolve">Further variables, converted only when read (<see cref="JsonConversion.FromNode"/>).</param>
    /// <param name="now">What <c>$now()</c> and <c>$millis()</c> return; the current time when null.</param>
    public JsonataResult Evaluate(
        JsonNode? input,
        IEnumerable<KeyValuePair<string, JsonNode?>>? bindings = null,
        FunctionLibrary? functions = null,
        JsonataLimits? limits = null,
        DateTimeOffset? now = null,
        Func<string, (bool Found, object? Value)>? resolve = null)
    {
        var globals = new Environment((functions ?? FunctionLibrary.Standard).Scope, resolve);
        foreach (var (name, value) in bindings ?? [])
        {
            globals.Bind(name, JsonConversion.FromNode(value));
        }

        var context = JsonConversion.FromNode(input);
        if (context is JList array)
        {
            // A top-level array is one context item, not a sequence of them.
            var wrapper = new JList { OuterWrapper = true, IsSequence = true };
            wrapper.Add(array);
            context = wrapper;
        }

        globals.Bind("$", context);
        var evaluator = new Evaluator(limits ?? JsonataLimits.Default, globals, now ?? DateTimeOffset.UtcNow);
        var result = evaluator.Evaluate(root, context, globals);
        return result is null ? default : new JsonataResult(true, JsonConversion.ToNode(result));
    }
}
