namespace ReviewerPortal.Engine.Model;

/// <summary>The fields every state type may carry, parsed once and copied onto the typed state.</summary>
internal sealed record CommonFields(
    string Name,
    string? Next,
    bool End,
    DataPath InputPath,
    DataPath OutputPath,
    PayloadTemplate? Parameters,
    PayloadTemplate? ResultSelector,
    DataPath ResultPath,
    IReadOnlyList<RetryPolicy> Retry,
    IReadOnlyList<CatchPolicy> Catch,
    PayloadTemplate? Assign,
    JsonataFields? Jsonata = null)
{
    public T Apply<T>(T state)
        where T : State
    {
        state.SetCommon(this);
        return state;
    }
}
