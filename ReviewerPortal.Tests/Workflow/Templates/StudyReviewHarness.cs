using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.Api;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Storage.Files;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// The bundled templates on the local engine with every local handler on real stores (SQLite tasks, draft folder,
/// event log), a manual clock, and the portal's decision service: one test drives one case from start to end.
/// </summary>
public sealed class StudyReviewHarness : IAsyncDisposable
{
    public static readonly Reviewer Alice = new("alice-oid", "Dr Alice Reid");

    private readonly TempDirectory _folder = new("loop-study-review");
    private readonly InMemoryEngineStore _engineStore = new();

    private StudyReviewHarness()
    {
        var database = new SqliteDatabase(_folder.File("tasks.db"));
        Store = new SqliteReviewTaskStore(database, new ReviewTaskChanges(), Time);
        Audit = new SqliteAuditTrail(database);
        Drafts = new FolderDraftStore(_folder.File("objects"));
        var portal = Options.Create(new PortalOptions { DataDirectory = _folder.Path });
        var templates = Options.Create(Values);
        Events = new PublicationEventLog(portal);
        ILocalResourceHandler[] handlers =
        [
            new ReviewGateHandler(Store, templates),
            new ReviewTaskUpdateHandler(Store, Audit, templates, Time),
            new S3ObjectHandler(Drafts, Time),
            new ModelInvocationHandler(Faults),
            new ImagingMetadataHandler(Faults),
            new EventBusHandler(Events, Faults, Time),
        ];
        Engine = new ExecutionEngine(_engineStore, new ResourceRegistry(handlers), Time, Options.Create(new LocalEngineOptions { MaxConcurrency = 4 }), NullLogger<ExecutionEngine>.Instance);
        Api = new LocalStepFunctions(Engine);
        var decisionOptions = Options.Create(new DecisionOptions());
        Heartbeats = new ClaimHeartbeats(Api, Store, decisionOptions, Time, NullLogger<ClaimHeartbeats>.Instance);
        Decisions = new DecisionService(
            Store, Drafts, new DecisionDelivery(Api, Store, Time, NullLogger<DecisionDelivery>.Instance), Heartbeats, decisionOptions, portal, Time);
    }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public WorkflowTemplateOptions Values { get; } = new();

    public LocalFaultPlan Faults { get; } = new();

    public SqliteReviewTaskStore Store { get; }

    /// <summary>The audit trail in <see cref="Store"/>'s file.</summary>
    public SqliteAuditTrail Audit { get; }

    public FolderDraftStore Drafts { get; }

    public PublicationEventLog Events { get; }

    public DecisionService Decisions { get; }

    public ClaimHeartbeats Heartbeats { get; }

    internal ExecutionEngine Engine { get; }

    internal LocalStepFunctions Api { get; }

    public string StudyReviewArn { get; private set; } = string.Empty;

    public static async Task<StudyReviewHarness> StartAsync()
    {
        var harness = new StudyReviewHarness();
        var deployed = await new TemplateDeployer(harness.Api).DeployAsync(harness.Values, LocalWorkflows.LocalRoleArn);
        harness.StudyReviewArn = deployed[BundledTemplates.StudyReview.Name];
        return harness;
    }

    public async Task<string> StartCaseAsync(DemoStudy study, string name)
    {
        var started = await Api.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = StudyReviewArn,
            Name = name,
            Input = DemoCaseStarter.InputFor(study, study.CaseId),
        });
        return started.ExecutionArn!;
    }

    /// <summary>
    /// Waits for the execution's next open review task, moving the clock in small steps only while nothing is open, so
    /// retries and backoffs elapse but a gate's own timers (minutes) never fire behind the test's back.
    /// </summary>
    public async Task<ReviewTask> WaitForOpenTaskAsync(string executionArn, string? except = null)
    {
        for (var i = 0; i < 1000; i++)
        {
            foreach (var queue in Enum.GetValues<QueueName>())
            {
                var open = await Store.ListOpenAsync(queue, 100, null);
                if (open.Items.FirstOrDefault(t => t.ExecutionArn == executionArn && t.Id != except) is { } task)
                {
                    return task;
                }
            }

            var described = await Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });
            if (described.Status != ExecutionStatus.RUNNING)
            {
                throw new InvalidOperationException($"The execution ended ({described.Status}: {described.Error} {described.Cause}) without opening a review task.");
            }

            await Task.Delay(10);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("No review task opened.");
    }

    /// <summary>Runs to the end, letting every pending timer fire.</summary>
    public async Task<DescribeExecutionResponse> RunToEndAsync(string executionArn)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var end = Engine.WaitForEndAsync(executionArn, limit.Token);
        while (!end.IsCompleted)
        {
            if (await Task.WhenAny(end, Task.Delay(20, limit.Token)) != end)
            {
                Time.AdvanceToNextTimer();
            }
        }

        await end;
        return await Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });
    }

    public async Task<List<HistoryEvent>> HistoryAsync(string executionArn) =>
        (await Api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = executionArn, MaxResults = 1000, IncludeExecutionData = true })).Events;

    /// <summary>Claims the task (as opening it on the review page does), then approves it.</summary>
    public async Task<DecisionResult> ApproveAsync(ReviewTask task, string? editedText = null)
    {
        await Decisions.ClaimAsync(task.Id, Alice);
        return await Decisions.ApproveAsync(new ApprovalRequest(task.Id, Alice, editedText, "I reviewed the images and this report."));
    }

    /// <summary>Claims the task, then rejects it with <paramref name="reason"/>.</summary>
    public async Task<DecisionResult> RejectAsync(ReviewTask task, string reason)
    {
        await Decisions.ClaimAsync(task.Id, Alice);
        return await Decisions.RejectAsync(new RejectionRequest(task.Id, Alice, reason));
    }

    public async Task<string> ReadAsync(string location) => (await Drafts.ReadTextAsync(location, 1_000_000)).Text ?? string.Empty;

    public static JsonNode Json(string? text) => JsonNode.Parse(text ?? "null")!;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await _engineStore.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
