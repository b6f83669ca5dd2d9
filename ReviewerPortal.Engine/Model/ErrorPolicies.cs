using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>Which errors a retrier or catcher handles (its <c>ErrorEquals</c>).</summary>
internal sealed record ErrorMatcher(IReadOnlyList<string> ErrorEquals)
{
    /// <summary>
    /// States.ALL matches every error but States.Runtime and States.DataLimitExceeded; States.TaskFailed, used in a
    /// retrier or catcher, matches any error except States.Timeout (and those two terminal ones).
    /// </summary>
    public bool Matches(string? error) => ErrorEquals.Any(e =>
        e == error
        || (e == StatesErrors.All && StatesErrors.IsCaughtByAll(error))
        || (e == StatesErrors.TaskFailed && StatesErrors.IsCaughtByAll(error) && error != StatesErrors.Timeout));
}

internal enum JitterStrategy
{
    None,
    Full,
}

/// <summary>One <c>Retry</c> entry.</summary>
internal sealed record RetryPolicy(
    ErrorMatcher Errors,
    double IntervalSeconds,
    int MaxAttempts,
    double BackoffRate,
    double? MaxDelaySeconds,
    JitterStrategy Jitter)
{
    /// <summary>The wait before retry number <paramref name="retryCount"/> + 1: interval × rate^count, capped, maybe jittered.</summary>
    public TimeSpan DelayBefore(int retryCount)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retryCount);
        if (MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }

#pragma warning disable CA5394 // jitter spreads retries; it is not security relevant.
        if (Jitter == JitterStrategy.Full)
        {
            seconds *= Random.Shared.NextDouble();
        }
#pragma warning restore CA5394

        return TimeSpan.FromSeconds(seconds);
    }
}

/// <summary>
/// One <c>Catch</c> entry: where to go, where the error output goes in the state's input, and the variables it assigns
/// (its Assign reads the error output as <c>$</c>).
/// </summary>
/// <param name="Output">JSONata: the state's output when this catcher handles the error (by default the error output).</param>
internal sealed record CatchPolicy(ErrorMatcher Errors, string Next, JsonPathExpression? ResultPath, PayloadTemplate? Assign = null, PayloadTemplate? Output = null);
