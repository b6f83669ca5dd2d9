using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.StepFunctions;
using ReviewerPortal.Workflow.StepFunctions.Model;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflows;

/// <summary>
/// The study-review template on moto's executing Step Functions server, with moto's DynamoDB, S3 and EventBridge
/// serving the review gate, the task updates, the draft checks, the publication and its event.
/// </summary>
/// <remarks>
/// What moto 5.2.1 cannot run, and what replaces it here (only these states are changed):
/// <list type="bullet">
/// <item><c>FetchStudyMetadata</c> (<c>aws-sdk:medicalimaging</c>: no moto backend) becomes a Pass state holding the
/// selected metadata the local HealthImaging stand-in returns for the same study.</item>
/// <item><c>GenerateDraft</c> (<c>states:startExecution.sync:2</c>: moto fails it with <c>States.Runtime 'StateMachineArn'</c>,
/// and draft-generation's <c>bedrock:invokeModel</c> is unsupported) becomes a Pass state naming the draft object, which the
/// test writes to moto's S3 with the local generator's text for that attempt.</item>
/// <item><c>FetchDraft</c> (<c>aws-sdk:s3:getObject</c>: moto answers <c>Body</c> as the repr of a Python stream object)
/// becomes a Pass state holding the draft text as the local engine read it; the size still comes from moto's
/// <c>headObject</c>, and the section checks run on moto.</item>
/// <item>Timers: the gates' HeartbeatSeconds/TimeoutSeconds (minutes to days) are divided by <see cref="TimeScale"/>
/// and rounded up, because moto's clock cannot be moved.</item>
/// </list>
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

    public static async Task<MotoStudyReview> StartAsync(DemoStudy study, string draftAsRead)
    {
        var moto = new MotoStudyReview(await TestServers.StartMotoAsync());
        await moto.ProvisionAsync(study, draftAsRead);
        return moto;
    }

    private async Task ProvisionAsync(DemoStudy study, string draftAsRead)
    {
        await _dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = _values.ReviewTasksTable,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _values.DraftBucket });
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _values.ReportBucket });
        await CreateEventBusAsync();

        var definition = JsonNode.Parse(TemplatePlaceholders.Substitute(
            BundledTemplates.StudyReview.ReadDefinition(), _values.Substitutions("arn:aws:states:us-east-1:123456789012:stateMachine:draft-generation")))!;
        Adapt(definition["States"]!.AsObject(), study, draftAsRead);
        StudyReviewArn = (await StepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "study-review",
            RoleArn = "arn:aws:iam::123456789012:role/study-review",
            Definition = definition.ToJsonString(RawJson),
        })).StateMachineArn!;
    }

    // moto speaks EventBridge's JSON 1.1 protocol; one raw call avoids a package the project does not otherwise need.
    private async Task CreateEventBusAsync()
    {
        using var http = new HttpClient { BaseAddress = _moto.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent($$"""{"Name":"{{_values.EventBusName}}"}""", System.Text.Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AWSEvents.CreateEventBus");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/events/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static void Adapt(JsonObject states, DemoStudy study, string draftAsRead)
    {
        var fetch = states["FetchStudyMetadata"]!;
        states["FetchStudyMetadata"] = new JsonObject
        {
            ["Type"] = "Pass",
            ["Comment"] = "moto has no HealthImaging: the local stand-in's selected metadata for the case's study.",
            ["Result"] = new JsonObject
            {
                ["studyDescription"] = study.StudyDescription,
                ["modality"] = study.Modality,
                ["metadata"] = ImagingMetadataHandler.MetadataOf(study),
            },
            ["ResultPath"] = "$.study",
            ["Next"] = fetch["Next"]!.GetValue<string>(),
        };
        var generate = states["GenerateDraft"]!;
        states["GenerateDraft"] = new JsonObject
        {
            ["Type"] = "Pass",
            ["Comment"] = "moto cannot run startExecution.sync:2 nor Bedrock: the draft object is written by the test.",
            ["Parameters"] = new JsonObject
            {
                ["draftUri.$"] = "States.Format('s3://reviewer-portal-drafts/drafts/{}/{}/attempt-{}.md', $.caseId, $$.Execution.Name, $.attempt)",
                ["bucket"] = "reviewer-portal-drafts",
                ["key.$"] = "States.Format('drafts/{}/{}/attempt-{}.md', $.caseId, $$.Execution.Name, $.attempt)",
                ["sha256"] = string.Empty,
                ["manual"] = false,
            },
            ["ResultPath"] = "$.draft",
            ["Next"] = generate["Next"]!.GetValue<string>(),
        };
        states["FetchDraft"] = new JsonObject
        {
            ["Type"] = "Pass",
            ["Comment"] = "moto's getObject returns Body as a Python object's repr, not the text: the text the test wrote.",
            ["Parameters"] = new JsonObject { ["body"] = draftAsRead, ["size.$"] = "$.check.size" },
            ["ResultPath"] = "$.check",
            ["Next"] = states["FetchDraft"]!["Next"]!.GetValue<string>(),
        };
        foreach (var (_, state) in states)
        {
            foreach (var timer in new[] { "HeartbeatSeconds", "TimeoutSeconds" })
            {
                if (state?[timer] is JsonValue seconds)
                {
                    state[timer] = Math.Max(2, (int)Math.Ceiling(seconds.GetValue<int>() / (double)TimeScale)) + (timer == "TimeoutSeconds" ? 1 : 0);
                }
            }
        }
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

    public async Task<string?> ReadReportAsync(string key)
    {
        using var response = await _s3.GetObjectAsync(_values.ReportBucket, key);
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

    public async ValueTask DisposeAsync()
    {
        _dynamo.Dispose();
        _s3.Dispose();
        await _moto.DisposeAsync();
    }
}
