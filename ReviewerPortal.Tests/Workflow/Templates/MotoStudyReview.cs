using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// The study-review template on moto's executing Step Functions server, with moto's DynamoDB, S3 and EventBridge
/// serving the review gate, the task updates, the draft checks, the publication and its event.
/// </summary>
/// <remarks>
/// What moto 5.2.1 cannot run, and what replaces it here (only these states are changed):
/// <list type="bullet">
/// <item><c>FetchStudyMetadata</c> (<c>aws-sdk:medicalimaging</c>: no moto backend) becomes a Pass state holding the
/// selected metadata the local HealthImaging stand-in returns for the same study.</item>
/// <item><c>GenerateDraft</c> (<c>states:startExecution.sync:2</c>: moto's optimised Step Functions integration hands
/// botocore the ASL's PascalCase parameters, so it fails with <c>States.Runtime 'StateMachineArn'</c>; and moto's Step
/// Functions has no <c>bedrock:invokeModel</c> integration, while its bedrock-runtime answers every InvokeModel with
/// <c>{}</c>) becomes a Pass state naming the draft object, which the test writes to moto's S3 with the local
/// generator's text for that attempt. A throttled model therefore cannot be compared on moto.</item>
/// <item><c>FetchDraft</c> (<c>aws-sdk:s3:getObject</c>: moto answers <c>Body</c> as the repr of a Python stream object)
/// becomes a Pass state holding the first attempt's draft text as the local engine read it (for every attempt); the size
/// still comes from moto's <c>headObject</c> of the attempt's object, and the section checks run on moto.</item>
/// <item>Timers: the gates' HeartbeatSeconds/TimeoutSeconds (minutes to days) are divided by <see cref="TimeScale"/>
/// and rounded up, because moto's clock cannot be moved.</item>
/// </list>
/// tools/moto/run_moto.py patches the moto defects that would otherwise stop these paths (StartExecution, the cause of
/// SendTaskFailure, EventBridge service errors) to behave as AWS does.
/// </remarks>
public sealed class MotoStudyReview : IAsyncDisposable
{
    public const int TimeScale = 600;
    private static readonly JsonSerializerOptions RawJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LoopbackServer _moto;
    private readonly AmazonDynamoDBClient _dynamo;
    private readonly AmazonS3Client _s3;
    private readonly WorkflowTemplateOptions _values = new();

    private MotoStudyReview(LoopbackServer moto)
    {
        _moto = moto;
        var credentials = new BasicAWSCredentials("testing", "testing");
        StepFunctions = MotoStepFunctions.Client(moto.BaseUri);
        _dynamo = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = moto.BaseUri.ToString(), AuthenticationRegion = "us-east-1" });
        _s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = moto.BaseUri.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    }

    public IAmazonStepFunctions StepFunctions { get; }

    public string StudyReviewArn { get; private set; } = string.Empty;

    /// <summary>Where moto listens.</summary>
    public Uri Url => _moto.BaseUri;

    /// <summary>Configuration that starts the portal in Aws mode on this moto, with the template values' table and buckets.</summary>
    public Dictionary<string, string?> PortalSettings()
    {
        var settings = ReviewerPortal.Tests.Storage.AwsModeSettings.For(_moto.BaseUri, _values.ReviewTasksTable, _values.DraftBucket);
        settings["Aws:ChangeWatchInterval"] = "00:00:01";
        return settings;
    }

    /// <param name="timeScale">Divides the gates' timers; 1 keeps them as shipped (a browser test must not race a 2 s heartbeat).</param>
    public static async Task<MotoStudyReview> StartAsync(DemoStudy study, string draftAsRead, int timeScale = TimeScale)
    {
        var moto = new MotoStudyReview(await TestServers.StartMotoAsync());
        await moto.ProvisionAsync(study, draftAsRead, timeScale);
        return moto;
    }

    private async Task ProvisionAsync(DemoStudy study, string draftAsRead, int timeScale)
    {
        // The deployed layout (deploy/review-storage.yaml), with the indexes an Aws-mode portal reads.
        await ReviewerPortal.Storage.DynamoDb.ReviewTaskTableDefinition.CreateAsync(_dynamo, _values.ReviewTasksTable, enableTtl: false);
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _values.DraftBucket });
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _values.ReportBucket });
        await CreateEventBusAsync();

        var definition = JsonNode.Parse(TemplatePlaceholders.Substitute(
            BundledTemplates.StudyReview.ReadDefinition(), _values.Substitutions("arn:aws:states:us-east-1:123456789012:stateMachine:draft-generation")))!;
        MotoStudyReviewTemplate.Adapt(definition["States"]!.AsObject(), study, draftAsRead, timeScale);
        StudyReviewArn = (await StepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "study-review",
            RoleArn = "arn:aws:iam::123456789012:role/study-review",
            Definition = definition.ToJsonString(RawJson),
        })).StateMachineArn!;
    }

    private Task CreateEventBusAsync() => CallEventBridgeAsync("CreateEventBus");

    /// <summary>Deletes the template's event bus: EventBridge then rejects every event the workflow puts on it.</summary>
    public Task RemoveEventBusAsync() => CallEventBridgeAsync("DeleteEventBus");

    // moto speaks EventBridge's JSON 1.1 protocol; raw calls avoid a package the project does not otherwise need.
    private async Task CallEventBridgeAsync(string operation)
    {
        using var http = new HttpClient { BaseAddress = _moto.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent($$"""{"Name":"{{_values.EventBusName}}"}""", System.Text.Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AWSEvents." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/events/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Starts a case of the study, after writing each attempt's draft to moto's S3.</summary>
    public async Task<string> StartCaseAsync(DemoStudy study, string name, IReadOnlyList<string> draftsByAttempt)
    {
        for (var i = 0; i < draftsByAttempt.Count; i++)
        {
            await _s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _values.DraftBucket,
                Key = $"drafts/{study.CaseId}/{name}/attempt-{i + 1}.md",
                ContentBody = draftsByAttempt[i],
                ContentType = "text/markdown; charset=utf-8",
            });
        }

        var started = await StepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StudyReviewArn, Name = name, Input = DemoCaseStarter.InputFor(study, study.CaseId) });
        return started.ExecutionArn!;
    }

    /// <summary>The open gate item with this task id, once the execution wrote it.</summary>
    public async Task<Dictionary<string, AttributeValue>> WaitForTaskItemAsync(string taskId)
    {
        for (var i = 0; i < 300; i++)
        {
            var item = await _dynamo.GetItemAsync(new GetItemRequest { TableName = _values.ReviewTasksTable, Key = ReviewerPortal.Storage.DynamoDb.ReviewTaskItem.Key(taskId) });
            if (item.Item is { Count: > 0 })
            {
                return item.Item;
            }

            await Task.Delay(100);
        }

        var failures = new List<string>();
        var executions = await StepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = StudyReviewArn });
        foreach (var execution in executions.Executions)
        {
            var history = await StepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = execution.ExecutionArn, IncludeExecutionData = true });
            failures.AddRange(history.Events.Where(e => e.TaskFailedEventDetails is not null || e.ExecutionFailedEventDetails is not null)
                .Select(e => $"{e.Type} {e.TaskFailedEventDetails?.Error} {e.TaskFailedEventDetails?.Cause} {e.ExecutionFailedEventDetails?.Error} {e.ExecutionFailedEventDetails?.Cause}"));
            failures.Add($"{execution.Name}: {execution.Status} after {history.Events.LastOrDefault()?.Type} {history.Events.LastOrDefault(h => h.StateEnteredEventDetails is not null)?.StateEnteredEventDetails?.Name}");
        }

        throw new TimeoutException($"moto never wrote the review task {taskId}:\n" + string.Join("\n", failures));
    }

    public Task<string> ReadReportAsync(string key) => ReadObjectAsync(_values.ReportBucket, key);

    public Task<string> ReadDraftAsync(string key) => ReadObjectAsync(_values.DraftBucket, key);

    private async Task<string> ReadObjectAsync(string bucket, string key)
    {
        using var response = await _s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    public async Task<DescribeExecutionResponse> WaitForEndAsync(string executionArn)
    {
        for (var i = 0; i < 600; i++)
        {
            var execution = await StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });
            if (execution.Status != ExecutionStatus.RUNNING)
            {
                return execution;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The moto execution did not end.");
    }

    /// <summary>
    /// A clinician's approval of the gate item as the portal sends it: the draft as shown (its AI disclaimer removed),
    /// or the clinician's edit, written beside the draft first.
    /// </summary>
    public async Task<SendTaskSuccessResponse> ApproveAsync(Dictionary<string, AttributeValue> item, string? editedText = null)
    {
        var final = item[ReviewTaskAttributes.DraftUri].S;
        var (draftBucket, draftKey) = DecisionPayload.Split(final);
        var approved = editedText ?? ReportProvenance.WithoutDisclaimer(await ReadObjectAsync(draftBucket, draftKey));
        {
            var (bucket, key) = DecisionPayload.Split(final);
            key = key.Replace(".md", "-reviewed.md", StringComparison.Ordinal);
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = approved, ContentType = "text/markdown; charset=utf-8" });
            final = $"s3://{bucket}/{key}";
        }

        var decision = new Decision
        {
            Outcome = DecisionOutcome.Approved,
            Reviewer = StudyReviewHarness.Alice,
            DecidedAt = DateTimeOffset.UtcNow,
            FinalReportLocation = final,
            EditedFromDraft = editedText is not null,
            DraftSha256 = "n/a",
            FinalSha256 = "n/a",
            Attestation = "I reviewed the images and this report.",
        };
        return await StepFunctions.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = item[ReviewTaskAttributes.TaskToken].S, Output = DecisionPayload.ApprovalOutput(decision) });
    }

    /// <summary>A clinician's rejection of the gate item, as the portal sends it.</summary>
    public Task<SendTaskFailureResponse> RejectAsync(Dictionary<string, AttributeValue> item, string reason) =>
        StepFunctions.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = item[ReviewTaskAttributes.TaskToken].S, Error = DecisionPayload.RejectionError, Cause = reason });

    /// <summary>The execution's whole history, oldest first.</summary>
    public async Task<List<HistoryEvent>> HistoryAsync(string executionArn)
    {
        var events = new List<HistoryEvent>();
        string? next = null;
        do
        {
            var page = await StepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = executionArn, MaxResults = 1000, NextToken = next });
            events.AddRange(page.Events);
            next = page.NextToken;
        }
        while (next is not null);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        _dynamo.Dispose();
        _s3.Dispose();
        await _moto.DisposeAsync();
    }
}
