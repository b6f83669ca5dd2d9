namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// What one <c>%</c> refers to: <see cref="Level"/> counts the steps still to climb while the parser resolves it, and
/// <see cref="Label"/> is the (user-inaccessible) variable the step that owns the parent binds its context item to.
/// </summary>
internal sealed class ParentSlot(string label)
{
    public string Label { get; set; } = label;

    public int Level { get; set; } = 1;
}
