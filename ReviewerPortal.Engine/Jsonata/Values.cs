using System.Collections;

namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// JSONata's value model. C# <c>null</c> is JSONata's "undefined" (no value); JSON null is <see cref="JsonNull"/>;
/// numbers are doubles, as in JSONata; arrays are <see cref="JList"/> and objects <see cref="JMap"/>.
/// </summary>
internal sealed class JsonNull
{
    public static readonly JsonNull Value = new();

    private JsonNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>
/// An array, or a result sequence. JSONata distinguishes a sequence (collected by path steps: a singleton sequence
/// collapses to its item, an empty one to undefined) from an array the expression built, which paths do not flatten.
/// </summary>
#pragma warning disable CA1710 // JSONata calls these arrays and sequences, not collections.
internal sealed class JList : List<object?>
#pragma warning restore CA1710
{
    public JList()
    {
    }

    public JList(IEnumerable<object?> items)
        : base(items)
    {
    }

    /// <summary>Collected by a path or function: flattened and collapsed as JSONata sequences are.</summary>
    public bool IsSequence { get; init; }

    /// <summary>Set by a trailing <c>[]</c> on a path: a singleton result stays an array.</summary>
    public bool KeepSingleton { get; set; }

    /// <summary>Built by an array constructor <c>[...]</c>: a path step does not flatten it into its sequence.</summary>
    public bool Constructed { get; set; }

    /// <summary>Wraps a top-level input array so that the whole array, not each item, is the first context.</summary>
    public bool OuterWrapper { get; init; }

    public static JList Sequence() => new() { IsSequence = true };

    public static JList Single(object? item)
    {
        var sequence = new JList { IsSequence = true };
        sequence.Add(item);
        return sequence;
    }
}

/// <summary>A JSON object: keys keep their insertion order, as JSONata's output does.</summary>
#pragma warning disable CA1710
internal sealed class JMap : IEnumerable<KeyValuePair<string, object?>>
#pragma warning restore CA1710
{
    private readonly OrderedDictionary<string, object?> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    public IEnumerable<string> Keys => entries.Keys;

    public object? this[string key]
    {
        get => entries.TryGetValue(key, out var v) ? v : null;
        set => entries[key] = value;
    }

    public bool ContainsKey(string key) => entries.ContainsKey(key);

    public bool Remove(string key) => entries.Remove(key);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
