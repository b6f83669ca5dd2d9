using ReviewerPortal.Engine.Variables;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// A sequential strand of an execution: the top level, one Parallel branch or one Map iteration. Events of a frame
/// are numbered in order, so the same run of the interpreter produces the same (frame, sequence) keys; recovery uses
/// them to recognise what already happened before a restart.
/// </summary>
internal sealed class Frame(string key, long lastEventId, VariableScope? variables = null)
{
    public string Key { get; } = key;

    /// <summary>The sequence number the next event of this frame gets.</summary>
    public int Sequence { get; set; }

    /// <summary>The id of this frame's latest event: the next event's <c>previousEventId</c>.</summary>
    public long LastEventId { get; set; } = lastEventId;

    /// <summary>The workflow variables this strand reads and assigns.</summary>
    public VariableScope Variables { get; } = variables ?? VariableScope.Root();

    /// <summary>A branch or iteration frame; <paramref name="isolated"/> (Distributed Map) hides this frame's variables.</summary>
    public Frame Child(string name, bool isolated = false) =>
        new(Key.Length == 0 ? name : Key + "/" + name, LastEventId, isolated ? VariableScope.Root() : Variables.Child());
}
