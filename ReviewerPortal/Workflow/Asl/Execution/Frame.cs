namespace ReviewerPortal.Workflow.Asl.Execution;

/// <summary>
/// A sequential strand of an execution: the top level, one Parallel branch or one Map iteration. Events of a frame
/// are numbered in order, so the same run of the interpreter produces the same (frame, sequence) keys; recovery uses
/// them to recognise what already happened before a restart.
/// </summary>
internal sealed class Frame(string key, long lastEventId)
{
    public string Key { get; } = key;

    /// <summary>The sequence number the next event of this frame gets.</summary>
    public int Sequence { get; set; }

    /// <summary>The id of this frame's latest event: the next event's <c>previousEventId</c>.</summary>
    public long LastEventId { get; set; } = lastEventId;

    public Frame Child(string name) => new(Key.Length == 0 ? name : Key + "/" + name, LastEventId);
}
