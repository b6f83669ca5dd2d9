using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Storage.Sqlite;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// The Aws mode's task store on moto (a local DynamoDB that serves transactions, as claims need: each writes its audit
/// entry in the same TransactWriteItems; dynalite answers that with UnknownOperationException) against its peer, the
/// Local mode's SQLite store: first queue page, one task read, and a claim followed by its release (a read and a
/// conditional transaction each). The figures are the store, the SDK and HTTP on loopback to a Python server, not AWS
/// latency. Target: a queue page in under 50 ms at the median.
/// </summary>
/// <remarks>Options: <c>--tasks 1000</c> (pending tasks), <c>--iterations 100</c>. Needs python3 with moto (tools/moto).</remarks>
internal static class DynamoDbStoreBenchmark
{
    private const int PageSize = ReviewQueue.PageSize;

    public static async Task<int> RunAsync(string[] args)
    {
        var tasks = int.Parse(BenchmarkArgs.Option(args, "--tasks", "1000"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(BenchmarkArgs.Option(args, "--iterations", "100"), CultureInfo.InvariantCulture);
        Console.WriteLine($"dynamodb-store: {tasks:N0} pending tasks, {iterations} iterations, median / p95");
        Console.WriteLine($"{"store",-22} | {"first page (" + PageSize + ")",22} | {"get one task",22} | {"claim + release",22}");

        Latencies[] dynamo;
        using (var moto = await MotoServer.StartAsync())
        {
            var options = new AwsOptions { Region = "us-east-1", TableName = "review-tasks-bench", DraftBucket = "unused", ServiceUrls = { DynamoDb = moto.Address } };
            using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), AwsClientConfigs.DynamoDb(options));
            await ReviewTaskTableDefinition.CreateAsync(client, options.TableName, enableTtl: false);
            var clock = TimeProvider.System;
            var store = new DynamoDbTaskStore(client, Options.Create(options), clock, new MalformedTaskItems(clock, NullLogger<MalformedTaskItems>.Instance), new ReviewTaskChanges());
            dynamo = await MeasureAsync("DynamoDB (moto)", store, tasks, iterations);
        }

        var folder = Directory.CreateTempSubdirectory("dynamodb-store-peer-");
        try
        {
            var sqlite = new SqliteReviewTaskStore(new SqliteDatabase(Path.Combine(folder.FullName, "tasks.db")), new ReviewTaskChanges(), TimeProvider.System);
            var peer = await MeasureAsync("SQLite (peer)", sqlite, tasks, iterations);
            Console.WriteLine($"{"moto / SQLite (median)",-22} | {Ratio(dynamo[0], peer[0]),22} | {Ratio(dynamo[1], peer[1]),22} | {Ratio(dynamo[2], peer[2]),22}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        return 0;
    }

    /// <summary>Fills the store with pending tasks, then times the three operations; returns their latencies in column order.</summary>
    private static async Task<Latencies[]> MeasureAsync(string name, IReviewTaskStore store, int tasks, int iterations)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        for (var i = 0; i < tasks; i++)
        {
            var id = $"task-{i:D6}";
            await store.RegisterAsync(new ReviewTask
            {
                Id = id,
                TaskToken = "token-" + id,
                ExecutionArn = "arn:aws:states:us-east-1:000000000000:execution:review:" + id,
                CaseId = $"RP-{i:D6}",
                StudyDescription = "CT head without contrast",
                Modality = "CT",
                Urgency = i % 2 == 0 ? Urgency.Urgent : Urgency.Routine,
                Queue = i % 2 == 0 ? QueueName.Urgent : QueueName.Routine,
                DraftLocation = $"s3://reviewer-portal-drafts/{id}/draft.md",
                CreatedAt = now,
                DueAt = now.AddSeconds(random.Next(-3600, 7 * 24 * 3600)),
            });
        }

        var reviewer = new Reviewer("bench", "Dr Bench");
        var page = await Latencies.MeasureAsync(iterations, () => store.ListOpenAsync(QueueName.Urgent, PageSize, null), minimumWarmup: 5);
        var get = await Latencies.MeasureAsync(iterations, () => store.GetAsync($"task-{random.Next(tasks):D6}"), minimumWarmup: 5);
        var claim = await Latencies.MeasureAsync(
            iterations,
            async () =>
            {
                var id = $"task-{random.Next(tasks):D6}";
                await store.ClaimAsync(id, reviewer, DateTimeOffset.UtcNow.AddMinutes(5));
                await store.ReleaseAsync(id, reviewer);
            },
            minimumWarmup: 5);
        Console.WriteLine($"{name,-22} | {page,22} | {get,22} | {claim,22}");
        return [page, get, claim];
    }

    private static string Ratio(Latencies store, Latencies peer) => string.Create(CultureInfo.InvariantCulture, $"{store.Median / peer.Median:N1}x");
}
