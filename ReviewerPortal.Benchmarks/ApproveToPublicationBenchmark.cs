using System.Diagnostics;
using System.Globalization;
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
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// Local mode, as <c>dotnet run</c> builds it (durable SQLite engine store, SQLite task store, draft folder, the
/// bundled templates and every local handler): time from the Approve action (DecisionService.ApproveAsync: read the
/// draft, record the decision, SendTaskSuccess, mark it decided) until the execution has passed its publication states
/// (report copied, task marked, event emitted, <c>Published</c>). Target: median ≤ 250 ms.
/// </summary>
/// <remarks>Options: <c>--cases 40</c> (one approval each), <c>--warmup 5</c>.</remarks>
internal static class ApproveToPublicationBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = int.Parse(BenchmarkArgs.Option(args, "--cases", "40"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(BenchmarkArgs.Option(args, "--warmup", "5"), CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("approve-to-publication-");
        try
        {
            var samples = await MeasureAsync(folder.FullName, cases + warmup);
            var measured = new Latencies(samples.Skip(warmup));
            Console.WriteLine($"approve-to-publication: {measured.Count} approvals (after {warmup} warm-up), local engine with durable SQLite history");
            Console.WriteLine($"  median {measured.Median:F1} ms   p90 {measured.Percentile(90):F1} ms   p99 {measured.P99:F1} ms   min {measured.Min:F1} ms   max {measured.Max:F1} ms   (target: median ≤ 250 ms)");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<double>> MeasureAsync(string folder, int cases)
    {
        var time = TimeProvider.System;
        var database = new SqliteDatabase(Path.Combine(folder, "tasks.db"));
        var store = new SqliteReviewTaskStore(database, new ReviewTaskChanges(), time);
        var drafts = new FolderDraftStore(Path.Combine(folder, "objects"));
        var portal = Options.Create(new PortalOptions { DataDirectory = folder });
        var templates = Options.Create(new WorkflowTemplateOptions());
        var faults = new LocalFaultPlan();
        ILocalResourceHandler[] handlers =
        [
            new ReviewGateHandler(store, templates), new ReviewTaskUpdateHandler(store, new SqliteAuditTrail(database), templates, time), new S3ObjectHandler(drafts, time),
            new ModelInvocationHandler(faults), new ImagingMetadataHandler(faults), new EventBusHandler(new PublicationEventLog(portal), faults, time),
        ];
        await using var engineStore = new SqliteEngineStore(Path.Combine(folder, "engine.db"));
        await using var engine = new ExecutionEngine(engineStore, new ResourceRegistry(handlers), time, Options.Create(new LocalEngineOptions()), NullLogger<ExecutionEngine>.Instance);
        var api = new LocalStepFunctions(engine);
        var decisionOptions = Options.Create(new DecisionOptions());
        var decisions = new DecisionService(
            store, drafts, new DecisionDelivery(api, store, time, NullLogger<DecisionDelivery>.Instance),
            new ClaimHeartbeats(api, store, decisionOptions, time, NullLogger<ClaimHeartbeats>.Instance), decisionOptions, portal, time);
        var studyReview = (await new TemplateDeployer(api).DeployAsync(templates.Value, LocalWorkflows.LocalRoleArn))[BundledTemplates.StudyReview.Name];

        var executions = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var study = DemoStudies.All[i % DemoStudies.All.Count];
            var started = await api.StartExecutionAsync(new StartExecutionRequest
            {
                StateMachineArn = studyReview,
                Name = $"bench-{i}",
                Input = DemoCaseStarter.InputFor(study, $"{study.CaseId}-B{i}"),
            });
            executions.Add(started.ExecutionArn!);
        }

        var reviewer = new Reviewer("bench-oid", "Benchmark Reviewer");
        var samples = new List<double>();
        foreach (var execution in executions)
        {
            var task = await WaitForTaskAsync(store, execution);

            // Opening the case claims it (a decision needs the live claim); the timing starts at the Approve click.
            await decisions.ClaimAsync(task.Id, reviewer);
            var clock = Stopwatch.StartNew();
            var result = await decisions.ApproveAsync(new ApprovalRequest(task.Id, reviewer, null, "Benchmark approval."));
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var ended = await engine.WaitForEndAsync(execution, limit.Token);
            clock.Stop();
            if (result.Kind != DecisionResultKind.Delivered || ended?.Status != ExecutionStatus.SUCCEEDED.Value)
            {
                throw new InvalidOperationException($"{execution}: {result.Kind} {result.Message}; execution {ended?.Status}");
            }

            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return samples;
    }

    private static async Task<ReviewTask> WaitForTaskAsync(SqliteReviewTaskStore store, string execution)
    {
        for (var i = 0; i < 3000; i++)
        {
            foreach (var queue in new[] { QueueName.Urgent, QueueName.Routine })
            {
                string? token = null;
                do
                {
                    var page = await store.ListOpenAsync(queue, 100, token);
                    if (page.Items.FirstOrDefault(t => t.ExecutionArn == execution) is { } task)
                    {
                        return task;
                    }

                    token = page.ContinuationToken;
                }
                while (token is not null);
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{execution} never reached its review gate.");
    }
}
