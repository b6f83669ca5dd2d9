namespace ReviewerPortal.Operations;

/// <summary>
/// One dependency the portal needs to serve users (a table, a bucket, the workflow engine), checked by <c>/readyz</c>.
/// Each area registers its own; each is reported separately, so an operator sees which one is down.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>Short and stable, e.g. <c>dynamodb</c>: monitors key on it.</summary>
    string Name { get; }

    /// <summary>Completes when the dependency answers as expected; throws with a plain message when it does not.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}

/// <summary>How long <c>/readyz</c> waits for each dependency; bound from the <c>Readiness</c> section.</summary>
public sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
