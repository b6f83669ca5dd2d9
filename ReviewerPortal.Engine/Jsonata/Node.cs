namespace ReviewerPortal.Engine.Jsonata;

internal enum NodeKind
{
    Path,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
    Wildcard,
    Descendant,
    Parent,
    Binary,
    Negate,
    Array,
    Object,
    Condition,
    Block,
    Bind,
    Lambda,
    Call,
    Placeholder,
    Apply,
    Sort,
    Transform,

    /// <summary>A <c>#$i</c> written after a step's predicates: numbers the tuples that are left.</summary>
    IndexStage,
}

/// <summary>
/// One node of a parsed expression. A single mutable class with a kind, rather than a class per kind, because the
/// parser rewrites nodes as JSONata's does (a predicate after a path step moves onto the step, a name becomes a path).
/// </summary>
internal sealed class Node(NodeKind kind, int position)
{
    public NodeKind Kind { get; set; } = kind;

    public int Position { get; } = position;

    /// <summary>The name, variable, operator or literal value.</summary>
    public object? Value { get; set; }

    public Node? Lhs { get; set; }

    public Node? Rhs { get; set; }

    /// <summary>A condition's else branch; a transform's delete clause.</summary>
    public Node? Else { get; set; }

    /// <summary>A path's steps, a block's expressions, an array's items, a call's arguments.</summary>
    public List<Node> Items { get; } = [];

    /// <summary>An object constructor's key/value pairs.</summary>
    public List<(Node Key, Node Value)> Pairs { get; } = [];

    /// <summary>An order-by step's terms.</summary>
    public List<(Node Expression, bool Descending)> SortTerms { get; } = [];

    /// <summary>Filters applied to this node's whole result (a non-path expression followed by <c>[...]</c>).</summary>
    public List<Node>? Predicates { get; set; }

    /// <summary>Filters applied per context item when this node is a path step.</summary>
    public List<Node>? Stages { get; set; }

    /// <summary>A grouping <c>expr{key: value}</c> applied to this node's result.</summary>
    public List<(Node Key, Node Value)>? Group { get; set; }

    /// <summary>A trailing <c>[]</c>: keep a singleton result as an array.</summary>
    public bool KeepArray { get; set; }

    /// <summary>An array constructor used as a path step: not flattened into the step's sequence.</summary>
    public bool ConsArray { get; set; }

    public bool KeepSingletonArray { get; set; }

    /// <summary>A lambda's parameter names (without '$').</summary>
    public List<string> Parameters { get; } = [];

    public Signature? Signature { get; set; }

    /// <summary>The text of the expression a lambda was written as, for <c>$string</c> of a function.</summary>
    public string? Source { get; set; }

    /// <summary><c>step@$name</c>: each result is bound to the variable and the context stays where it was.</summary>
    public string? Focus { get; set; }

    /// <summary><c>step#$name</c>: each result's position within its context's results is bound to the variable.</summary>
    public string? Index { get; set; }

    /// <summary>The <c>%</c> slot this step answers: its context item is bound under the slot's label.</summary>
    public ParentSlot? Ancestor { get; set; }

    /// <summary>From this step on, a path carries variable bindings with each item (a tuple stream).</summary>
    public bool Tuple { get; set; }
}
