using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Storage.Files;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Review;

/// <summary>
/// A real Step Functions server (moto) running a one-state review gate that writes its task item to moto's DynamoDB,
/// with the portal's SQLite task store and draft folder: the decision service is tested against real token handling.
/// </summary>
public sealed class MotoReviewGate : IAsyncDisposable
{
    public const string Draft = "# CT HEAD WITHOUT CONTRAST\n\n## FINDINGS\n\nNo haemorrhage.\n\n## IMPRESSION\n\n1. No acute abnormality.\n";
    private const string Table = "review-tasks";
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(2);

    private readonly LoopbackServer _moto;
    private readonly TempDirectory _folder = new("loop-decisions");
    private readonly AmazonDynamoDBClient _dynamo;
    private string? _stateMachineArn;

    private MotoReviewGate(LoopbackServer moto)
    {
        _moto = moto;
        StepFunctions = MotoStepFunctions.Client(moto.BaseUri);
        _dynamo = new AmazonDynamoDBClient(new BasicAWSCredentials("testing", "testing"), DynamoDbConfig(moto.BaseUri));
        var database = new SqliteDatabase(_folder.File("tasks.db"));
        Store = new SqliteReviewTaskStore(database, new ReviewTaskChanges(), TimeProvider.System);
        Audit = new SqliteAuditTrail(database);
        Drafts = new FolderDraftStore(_folder.File("objects"));
    }

    /// <summary>
    /// The portal's client settings, with a longer time per request: moto runs every DynamoDB operation under one lock
    /// (tools/moto/run_moto.py) and Python runs one thread at a time, so on a loaded 2-core machine (load average 30
    /// measured) moto answers slowly, and the portal's 10 s per request turned slowness into client timeouts. A request
    /// that does time out is retried by the SDK, which is safe (DynamoDbRetrySafetyTests).
    /// </summary>
    private static AmazonDynamoDBConfig DynamoDbConfig(Uri moto)
    {
        return ReviewerPortal.Storage.AwsClientConfigs.DynamoDb(new ReviewerPortal.Storage.AwsOptions
        {
            Region = "us-east-1",
            ServiceUrls = { DynamoDb = moto },
            RequestTimeout = TimeSpan.FromSeconds(60),
        });
    }

    public IAmazonStepFunctions StepFunctions { get; }

    public SqliteReviewTaskStore Store { get; }

    /// <summary>The audit trail in <see cref="Store"/>'s file.</summary>
    public SqliteAuditTrail Audit { get; }

    public FolderDraftStore Drafts { get; }

    public DecisionOptions Options { get; } = new() { ReconcileGrace = TimeSpan.Zero };

    public static async Task<MotoReviewGate> StartAsync(int timeoutSeconds = 3600)
    {
        var gate = new MotoReviewGate(await TestServers.StartMotoAsync());
        await gate._dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var created = await gate.StepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "review-gate",
            RoleArn = "arn:aws:iam::123456789012:role/review-gate",
            Definition = GateDefinition(timeoutSeconds),
        });
        gate._stateMachineArn = created.StateMachineArn;
        return gate;
    }

    public DecisionDelivery Delivery() => new(StepFunctions, Store, TimeProvider.System, NullLogger<DecisionDelivery>.Instance);

    public DecisionService Decisions() => Decisions(Store);

    /// <summary>The decision service over <paramref name="store"/> (the SQLite store, or <see cref="DynamoStore"/>).</summary>
    public DecisionService Decisions(IReviewTaskStore store)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var heartbeats = new ClaimHeartbeats(StepFunctions, store, options, TimeProvider.System, NullLogger<ClaimHeartbeats>.Instance);
        var delivery = new DecisionDelivery(StepFunctions, store, TimeProvider.System, NullLogger<DecisionDelivery>.Instance);
        return new DecisionService(store, Drafts, delivery, heartbeats, options, Microsoft.Extensions.Options.Options.Create(new PortalOptions()), TimeProvider.System);
    }

    /// <summary>The Aws mode's audit trail in the very table the gate writes to.</summary>
    public DynamoDbAuditTrail DynamoAudit() =>
        new(_dynamo, Microsoft.Extensions.Options.Options.Create(new ReviewerPortal.Storage.AwsOptions { TableName = Table }));

    /// <summary>The Aws mode's task store over the very table the gate writes to, as production reads it.</summary>
    public DynamoDbTaskStore DynamoStore() => new(
        _dynamo,
        Microsoft.Extensions.Options.Options.Create(new ReviewerPortal.Storage.AwsOptions { TableName = Table }),
        TimeProvider.System,
        new ReviewerPortal.Storage.MalformedTaskItems(TimeProvider.System, NullLogger<ReviewerPortal.Storage.MalformedTaskItems>.Instance),
        new ReviewTaskChanges());

    public DecisionReconciler Reconciler() =>
        new(Store, new GateOutcome(StepFunctions), Delivery(), Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<DecisionReconciler>.Instance);

    /// <summary>Starts an execution, waits until its gate item is in moto's DynamoDB, registers it in the portal's store.</summary>
    public async Task<(ReviewTask Task, string ExecutionArn)> OpenTaskAsync(string name, string draft = Draft)
    {
        var started = await StepFunctions.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = _stateMachineArn,
            Name = name,
            Input = new JsonObject { ["task"] = new JsonObject { ["id"] = name }, ["caseId"] = "CASE-" + name }.ToJsonString(),
        });
        var key = ReviewTaskItem.Key(name);
        // A deadline, not a number of polls: moto runs the execution (its ASL parser, then the gate's putItem through
        // its own HTTP server) on threads that share one Python interpreter with every other request, and with 25
        // executions started at once on a loaded 2-core machine (load average 35 measured) that took over 10 s.
        var deadline = DateTimeOffset.UtcNow + OpenTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var item = await _dynamo.GetItemAsync(new GetItemRequest { TableName = Table, Key = key });
            if (item.Item is { Count: > 0 })
            {
                var task = ReviewTaskItem.FromItem(item.Item);
                await Drafts.WriteTextAsync(task.DraftLocation, draft, "text/markdown");
                return (await Store.RegisterAsync(task), started.ExecutionArn!);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The review gate never wrote its item to moto's DynamoDB.");
    }

    public async Task<DescribeExecutionResponse> WaitForEndAsync(string executionArn)
    {
        for (var i = 0; i < 150; i++)
        {
            var execution = await StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });
            if (execution.Status != ExecutionStatus.RUNNING)
            {
                return execution;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The execution did not end.\n" + _moto.Log);
    }

    private static string GateDefinition(int timeoutSeconds) => new JsonObject
    {
        ["StartAt"] = "Review",
        ["States"] = new JsonObject
        {
            ["Review"] = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
                ["TimeoutSeconds"] = timeoutSeconds,
                ["HeartbeatSeconds"] = Math.Max(1, timeoutSeconds / 2),
                ["Parameters"] = new JsonObject
                {
                    ["TableName"] = Table,
                    ["Item"] = new JsonObject
                    {
                        ["pk"] = new JsonObject { ["S.$"] = "States.Format('TASK#{}', $.task.id)" },
                        ["sk"] = new JsonObject { ["S"] = "TASK" },
                        ["taskId"] = new JsonObject { ["S.$"] = "$.task.id" },
                        ["taskToken"] = new JsonObject { ["S.$"] = "$$.Task.Token" },
                        ["executionArn"] = new JsonObject { ["S.$"] = "$$.Execution.Id" },
                        ["caseId"] = new JsonObject { ["S.$"] = "$.caseId" },
                        ["studyDescription"] = new JsonObject { ["S"] = "CT HEAD WITHOUT CONTRAST" },
                        ["modality"] = new JsonObject { ["S"] = "CT" },
                        ["urgency"] = new JsonObject { ["S"] = "urgent" },
                        ["queue"] = new JsonObject { ["S"] = "urgent" },
                        ["openQueue"] = new JsonObject { ["S"] = "urgent" },
                        ["draftUri"] = new JsonObject { ["S.$"] = "States.Format('s3://reviewer-portal-drafts/drafts/{}.md', $.task.id)" },
                        ["createdAt"] = new JsonObject { ["S"] = "2026-11-22T09:00:00.000Z" },
                        ["dueAt"] = new JsonObject { ["S"] = "2026-11-22T10:00:00.000Z" },
                        ["attempt"] = new JsonObject { ["N"] = "1" },
                    },
                },
                ["End"] = true,
            },
        },
    }.ToJsonString(RawJson);

    // moto's ASL lexer reads the definition text as written: an apostrophe escaped as \u0027 breaks its intrinsics.
    private static readonly System.Text.Json.JsonSerializerOptions RawJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask DisposeAsync()
    {
        _dynamo.Dispose();
        await _moto.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
