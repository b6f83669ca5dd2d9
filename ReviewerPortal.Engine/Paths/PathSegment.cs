using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Paths;

/// <summary>One step of a JSONPath: from each current match to the values it selects.</summary>
internal abstract record PathSegment
{
    /// <summary>Whether the step selects at most one value (reference paths may use only such steps).</summary>
    public abstract bool IsDefinite { get; }

    public abstract void Select(JsonNode? current, List<JsonNode?> into);
}

/// <summary><c>.name</c> or <c>['name']</c>.</summary>
internal sealed record ChildSegment(string Name) : PathSegment
{
    public override bool IsDefinite => true;

    public override void Select(JsonNode? current, List<JsonNode?> into)
    {
        if (current is JsonObject obj && obj.TryGetPropertyValue(Name, out var value))
        {
            into.Add(value);
        }
    }
}

/// <summary><c>[n]</c>; a negative index counts from the end, as Jayway JsonPath (used by Step Functions) does.</summary>
internal sealed record IndexSegment(int Index) : PathSegment
{
    public override bool IsDefinite => true;

    public override void Select(JsonNode? current, List<JsonNode?> into)
    {
        if (current is JsonArray array)
        {
            var i = Index < 0 ? array.Count + Index : Index;
            if (i >= 0 && i < array.Count)
            {
                into.Add(array[i]);
            }
        }
    }
}

/// <summary><c>.*</c> or <c>[*]</c>: every member of an object or element of an array.</summary>
internal sealed record WildcardSegment : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, List<JsonNode?> into)
    {
        switch (current)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    into.Add(pair.Value);
                }

                break;
            case JsonArray array:
                into.AddRange(array);
                break;
        }
    }
}

/// <summary><c>..name</c> or <c>..*</c>: the member (or every value) at any depth.</summary>
internal sealed record DescendantSegment(string? Name) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, List<JsonNode?> into)
    {
        switch (current)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    if (Name is null || pair.Key == Name)
                    {
                        into.Add(pair.Value);
                    }

                    Select(pair.Value, into);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (Name is null)
                    {
                        into.Add(item);
                    }

                    Select(item, into);
                }

                break;
        }
    }
}

/// <summary><c>['a','b']</c> or <c>[0,2]</c>.</summary>
internal sealed record UnionSegment(IReadOnlyList<PathSegment> Members) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, List<JsonNode?> into)
    {
        foreach (var member in Members)
        {
            member.Select(current, into);
        }
    }
}

/// <summary><c>[start:end:step]</c> over an array.</summary>
internal sealed record SliceSegment(int? Start, int? End, int Step) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, List<JsonNode?> into)
    {
        if (current is not JsonArray array || Step <= 0)
        {
            return;
        }

        var start = Normalize(Start ?? 0, array.Count);
        var end = Normalize(End ?? array.Count, array.Count);
        for (var i = start; i < end; i += Step)
        {
            into.Add(array[i]);
        }
    }

    private static int Normalize(int index, int count) => Math.Clamp(index < 0 ? count + index : index, 0, count);
}

/// <summary><c>[?(@.field op value)]</c> over the elements of an array (or values of an object).</summary>
internal sealed record FilterSegment(JsonPathFilter Filter) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, List<JsonNode?> into)
    {
        IEnumerable<JsonNode?> candidates = current switch
        {
            JsonArray array => array,
            JsonObject obj => obj.Select(p => p.Value),
            _ => [],
        };
        into.AddRange(candidates.Where(Filter.Matches));
    }
}
