namespace ReviewerPortal.StepFunctions;

/// <summary>How the portal reaches AWS Step Functions in Aws mode; bound from the <c>StepFunctions</c> section.</summary>
public sealed class StepFunctionsClientOptions
{
    public const string Section = "StepFunctions";

    /// <summary>AWS region, e.g. <c>eu-west-1</c>; also the signing region. Falls back to <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>A custom endpoint (a VPC endpoint, the local engine's API, moto); default <c>https://states.{Region}.amazonaws.com</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, on throttling and 5xx answers only.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The endpoint requests go to.</summary>
    public Uri ResolveEndpoint(string region) => ServiceUrl ?? new Uri($"https://states.{region}.amazonaws.com/");

    /// <summary>The configured region, or the one the AWS environment variables name (ECS sets <c>AWS_REGION</c>); null when neither is set.</summary>
    public string? ResolveRegion(Func<string, string?> environment) =>
        FirstNonEmpty(Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"));

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
