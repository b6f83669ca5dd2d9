using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Sqlite;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// Time to list the first page of the urgent queue from the Local mode's SQLite store as the table grows, and a deep
/// page by continuation token. Target: median ≤ 10 ms at 100,000 pending tasks, flat in the table size. The peer is
/// the same page read with LIMIT/OFFSET, the paging this store avoids.
/// </summary>
/// <remarks>Options: <c>--sizes 1000,10000,100000</c> (pending tasks), <c>--iterations 1000</c>.</remarks>
internal static class QueueListingBenchmark
{
    private const int PageSize = ReviewQueue.PageSize;
    private const int DeepPage = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = BenchmarkArgs.Option(args, "--sizes", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var iterations = int.Parse(BenchmarkArgs.Option(args, "--iterations", "1000"), CultureInfo.InvariantCulture);
        Console.WriteLine($"queue-listing: first page ({PageSize}) of the urgent queue, SQLite (WAL), {iterations} iterations per size");
        Console.WriteLine($"{"pending",9} {"fill s",7} | {"first page median",17} {"p95",8} {"p99",8} | {"page 100 by token",17} | {"page 100 by OFFSET (peer)",25}");

        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("queue-listing-");
            try
            {
                await MeasureAsync(Path.Combine(folder.FullName, "tasks.db"), size, iterations);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string file, int size, int iterations)
    {
        var database = new SqliteDatabase(file);
        var store = new SqliteReviewTaskStore(database, new ReviewTaskChanges(), TimeProvider.System);
        var fill = Stopwatch.StartNew();
        await FillAsync(store, size);
        fill.Stop();

        var first = await Latencies.MeasureAsync(iterations, () => store.ListOpenAsync(QueueName.Urgent, PageSize, null));

        // A deep page: walk to it once for its token, then time reading it, and the same page by OFFSET.
        string? token = null;
        for (var page = 1; page < DeepPage && (page == 1 || token is not null); page++)
        {
            token = (await store.ListOpenAsync(QueueName.Urgent, PageSize, token)).ContinuationToken;
        }

        var deep = token is null ? null : await Latencies.MeasureAsync(iterations / 4, () => store.ListOpenAsync(QueueName.Urgent, PageSize, token));
        var offset = token is null ? null : await Latencies.MeasureAsync(iterations / 4, () => OffsetPageAsync(database, (DeepPage - 1) * PageSize));

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{size,9:N0} {fill.Elapsed.TotalSeconds,7:F1} | {Ms(first.Median),17} {Ms(first.P95),8} {Ms(first.P99),8} | {(deep is null ? "-" : Ms(deep.Median)),17} | {(offset is null ? "-" : Ms(offset.Median)),25}"));
    }

    /// <summary>Registers through the store itself (the real write path), a third of the tasks urgent, with spread due times.</summary>
    private static async Task FillAsync(SqliteReviewTaskStore store, int size)
    {
        var start = DateTimeOffset.UtcNow;
        var random = new Random(42);
        for (var i = 0; i < size; i++)
        {
            var queue = (i % 3) switch { 0 => QueueName.Urgent, 1 => QueueName.Routine, _ => QueueName.Escalation };
            var id = $"task-{i:D7}";
            await store.RegisterAsync(new ReviewTask
            {
                Id = id,
                TaskToken = "token-" + id,
                ExecutionArn = "arn:aws:states:local:000000000000:execution:review:" + id,
                CaseId = $"RP-{i:D7}",
                StudyDescription = "CT head without contrast",
                Modality = "CT",
                Urgency = queue == QueueName.Urgent ? Urgency.Urgent : Urgency.Routine,
                Queue = queue,
                DraftLocation = $"s3://reviewer-portal-drafts/{id}/draft.md",
                CreatedAt = start,
                DueAt = start.AddSeconds(random.Next(-3600, 7 * 24 * 3600)),
            });
        }
    }

    private static async Task OffsetPageAsync(SqliteDatabase database, int offset)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteTaskRows.Columns} FROM review_tasks WHERE queue = 'urgent' AND open = 1 ORDER BY due_at, id LIMIT {PageSize} OFFSET {offset}";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = SqliteTaskRows.TryRead(reader, out _, out _);
        }
    }

    private static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F3} ms");
}
