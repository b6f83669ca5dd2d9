using ReviewerPortal.Review;

namespace ReviewerPortal.Storage;

/// <summary>Where Aws mode keeps review tasks, drafts and reports; bound from the <c>Aws</c> section.</summary>
/// <remarks>Credentials never come from here: the AWS SDK's default chain finds them (ECS task role, environment, profile).</remarks>
public sealed class AwsOptions
{
    public const string Section = "Aws";

    /// <summary>AWS region of the table and the bucket, e.g. <c>eu-west-1</c>. Required in Aws mode.</summary>
    public string? Region { get; set; }

    /// <summary>The review-tasks table (see <see cref="ReviewTaskAttributes"/> for its layout). Required in Aws mode.</summary>
    public string? TableName { get; set; }

    /// <summary>The sparse index of open tasks by queue and due time.</summary>
    public string OpenByQueueIndexName { get; set; } = ReviewTaskAttributes.OpenByQueueIndex;

    /// <summary>The sparse index of open tasks by queue and arrival, where gate items without a due time are found.</summary>
    public string OpenByArrivalIndexName { get; set; } = ReviewTaskAttributes.OpenByArrivalIndex;

    /// <summary>
    /// The draft bucket (the templates' <c>${DraftBucket}</c>), checked by <c>/readyz</c>. Drafts are read wherever their
    /// task's <c>s3://</c> URI points and a clinician's edited text is written beside its draft (under <c>drafts/</c>);
    /// the workflow, not the portal, copies the approved text to the report bucket. Required in Aws mode.
    /// </summary>
    public string? DraftBucket { get; set; }

    /// <summary>A KMS key for the edited texts the portal writes (SSE-KMS); when empty, they are written with SSE-S3 (AES256).</summary>
    public string? ReportKmsKeyId { get; set; }

    /// <summary>Endpoint overrides (VPC endpoints, or moto and dynalite in tests); empty means the public AWS endpoint.</summary>
    public AwsServiceUrls ServiceUrls { get; set; } = new();

    /// <summary>Time allowed for one request to DynamoDB or S3 before the SDK retries it.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>SDK retries after the first attempt (throttling, 5xx, timeouts).</summary>
    public int MaxErrorRetry { get; set; } = 3;

    /// <summary>How long a closed task stays in the table before its TTL deletes it (its audit entries stay).</summary>
    public TimeSpan ClosedTaskRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How often this process's one change watcher reads the open-task index to update live pages, and its gate intake
    /// gives new gate items their due time.
    /// </summary>
    public TimeSpan ChangeWatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The settings Aws mode cannot start without, as <c>Aws:Name</c>, for the start-up message.</summary>
    public IReadOnlyList<string> MissingRequiredSettings()
    {
        var missing = new List<string>();
        AddIfBlank(missing, Region, nameof(Region));
        AddIfBlank(missing, TableName, nameof(TableName));
        AddIfBlank(missing, DraftBucket, nameof(DraftBucket));
        AddIfBlank(missing, OpenByQueueIndexName, nameof(OpenByQueueIndexName));
        AddIfBlank(missing, OpenByArrivalIndexName, nameof(OpenByArrivalIndexName));
        return missing;
    }

    private static void AddIfBlank(List<string> missing, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add($"{Section}:{name}");
        }
    }
}

/// <summary>Per-service endpoint overrides, e.g. <c>http://127.0.0.1:5000</c> for moto.</summary>
public sealed class AwsServiceUrls
{
    public Uri? DynamoDb { get; set; }

    public Uri? S3 { get; set; }

    public Uri? StepFunctions { get; set; }
}
