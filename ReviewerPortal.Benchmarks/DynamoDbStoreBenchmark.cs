using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Review;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Storage.Sqlite;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// The Aws mode's task store on dynalite (a local DynamoDB: the figures are the store, the SDK and HTTP on loopback, not
/// AWS latency) against its peer, the Local mode's SQLite store: first queue page, one task read, and a claim followed
/// by its release (two optimistic read-then-write round trips each). Target: a queue page in under 50 ms at the median.
/// </summary>
/// <remarks>Options: <c>--tasks 1000</c> (pending tasks), <c>--iterations 300</c>. Needs node and tools/node (dynalite).</remarks>
internal static class DynamoDbStoreBenchmark
{
    private const int PageSize = ReviewQueue.PageSize;

    public static async Task<int> RunAsync(string[] args)
    {
        var tasks = int.Parse(Option(args, "--tasks", "1000"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(Option(args, "--iterations", "300"), CultureInfo.InvariantCulture);
        Console.WriteLine($"dynamodb-store: {tasks:N0} pending tasks, {iterations} iterations, median / p95");
        Console.WriteLine($"{"store",-22} | {"first page (" + PageSize + ")",22} | {"get one task",22} | {"claim + release",22}");

        using var dynalite = StartDynalite(out var url);
        try
        {
            var options = new AwsOptions { Region = "us-east-1", TableName = "review-tasks-bench", DraftBucket = "unused", ServiceUrls = { DynamoDb = url } };
            using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), AwsClientConfigs.DynamoDb(options));
            await WaitForAsync(client);
            await ReviewTaskTableDefinition.CreateAsync(client, options.TableName, enableTtl: false);
            var clock = TimeProvider.System;
            var dynamo = new DynamoDbTaskStore(client, Options.Create(options), clock, new MalformedTaskItems(clock, NullLogger<MalformedTaskItems>.Instance), new ReviewTaskChanges());
            await MeasureAsync("DynamoDB (dynalite)", dynamo, tasks, iterations);
        }
        finally
        {
            dynalite.Kill(entireProcessTree: true);
        }

        var folder = Directory.CreateTempSubdirectory("dynamodb-store-peer-");
        try
        {
            var sqlite = new SqliteReviewTaskStore(new SqliteDatabase(Path.Combine(folder.FullName, "tasks.db")), new ReviewTaskChanges(), TimeProvider.System);
            await MeasureAsync("SQLite (peer)", sqlite, tasks, iterations);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, IReviewTaskStore store, int tasks, int iterations)
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
        var page = await TimeAsync(iterations, () => store.ListOpenAsync(QueueName.Urgent, PageSize, null));
        var get = await TimeAsync(iterations, () => store.GetAsync($"task-{random.Next(tasks):D6}"));
        var claim = await TimeAsync(iterations, async () =>
        {
            var id = $"task-{random.Next(tasks):D6}";
            await store.ClaimAsync(id, reviewer, DateTimeOffset.UtcNow.AddMinutes(5));
            await store.ReleaseAsync(id, reviewer);
        });
        Console.WriteLine($"{name,-22} | {page,22} | {get,22} | {claim,22}");
    }

    private static Process StartDynalite(out Uri url)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cli = Path.Combine(RepoRoot(), "tools", "node", "node_modules", "dynalite", "cli.js");
        url = new Uri($"http://127.0.0.1:{port}");
        return Process.Start(new ProcessStartInfo("node", [cli, "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start dynalite (node tools/node/node_modules/dynalite/cli.js).");
    }

    private static async Task WaitForAsync(AmazonDynamoDBClient client)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                await client.ListTablesAsync();
                return;
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException or AmazonClientException && i < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found: run the benchmark from the repository.");
    }

    private static async Task<Timing> TimeAsync(int iterations, Func<Task> action)
    {
        for (var i = 0; i < Math.Max(5, iterations / 10); i++)
        {
            await action();
        }

        var samples = new double[Math.Max(1, iterations)];
        for (var i = 0; i < samples.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new Timing(samples[samples.Length / 2], samples[(int)(samples.Length * 0.95)]);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private sealed record Timing(double Median, double P95)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Median:F2} / {P95:F2} ms");
    }
}
