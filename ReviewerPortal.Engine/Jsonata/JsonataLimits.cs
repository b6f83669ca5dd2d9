namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// Bounds on one evaluation, so that a pathological expression (endless recursion, a huge loop) fails with a clear
/// error instead of hanging or crashing its host.
/// </summary>
internal sealed record JsonataLimits(TimeSpan Timeout, int MaxDepth)
{
    public static JsonataLimits Default { get; } = new(TimeSpan.FromSeconds(5), 1000);
}
