using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewerPortal.Engine;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// Cost of the Step Functions wire: DescribeExecution and a 100-event GetExecutionHistory page through our client
/// (SigV4 signing, JSON both ways) against the local engine's HTTP API, next to the same call in-process and an
/// unsigned raw POST (the peer: what signing and typed mapping add). Target: median ≤ 2 ms per signed call on
/// loopback, and ≥ 2,000 signed calls/s with 8 concurrent callers.
/// </summary>
/// <remarks>Options: <c>--iterations 2000</c>, <c>--concurrency 8</c>.</remarks>
internal static class StepFunctionsApiBenchmark
{
    private const string Definition = """{"StartAt":"Loop","States":{"Loop":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = int.Parse(BenchmarkArgs.Option(args, "--iterations", "2000"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(BenchmarkArgs.Option(args, "--concurrency", "8"), CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("sfn-api-");
        try
        {
            await using var services = BuildServices(folder.FullName);
            var host = services.GetRequiredService<ApiHost>();
            await host.StartAsync(CancellationToken.None);
            var engine = services.GetRequiredService<IAmazonStepFunctions>();
            var client = StepFunctionsClient.Create(
                new StepFunctionsClientOptions { ServiceUrl = host.Address, MaxRetries = 0 }, "us-east-1", new BasicAWSCredentials("bench", "bench"));
            var execution = await PrepareExecutionAsync(engine);
            var describe = new DescribeExecutionRequest { ExecutionArn = execution };
            var history = new GetExecutionHistoryRequest { ExecutionArn = execution, MaxResults = 100 };
            using var raw = new HttpClient { BaseAddress = host.Address };
            var rawBody = $$"""{"executionArn":"{{execution}}"}""";

            Console.WriteLine($"step-functions-api: local engine over HTTP on {host.Address}, {iterations} iterations per row");
            Console.WriteLine($"{"call",-44} {"median",10} {"p95",10} {"p99",10}");
            Print("DescribeExecution in-process", await Latencies.MeasureAsync(iterations, () => engine.DescribeExecutionAsync(describe)));
            Print("DescribeExecution raw POST, unsigned (peer)", await Latencies.MeasureAsync(iterations, () => RawPostAsync(raw, rawBody)));
            Print("DescribeExecution our client, signed", await Latencies.MeasureAsync(iterations, () => client.DescribeExecutionAsync(describe)));
            Print("GetExecutionHistory 100 events, in-process", await Latencies.MeasureAsync(iterations / 4, () => engine.GetExecutionHistoryAsync(history)));
            Print("GetExecutionHistory 100 events, our client", await Latencies.MeasureAsync(iterations / 4, () => client.GetExecutionHistoryAsync(history)));

            var total = iterations * 2;
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) => await client.DescribeExecutionAsync(describe, ct));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {total / seconds:N0} signed DescribeExecution/s with {concurrency} concurrent callers"));
            await host.StopAsync(CancellationToken.None);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static ServiceProvider BuildServices(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalEngine:Durable"] = "false",
            ["LocalEngine:ApiUrl"] = "http://127.0.0.1:0",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddLocalStepFunctions(_ => new LocalEngineFolders(dataDirectory, Path.Combine(dataDirectory, "objects"))).AddStepFunctionsApi();
        return services.BuildServiceProvider();
    }

    /// <summary>A finished execution with a history of about a hundred events (an inline Map over 30 items).</summary>
    private static async Task<string> PrepareExecutionAsync(IAmazonStepFunctions engine)
    {
        var machine = await engine.CreateStateMachineAsync(new() { Name = "bench", Definition = Definition, RoleArn = "arn:aws:iam::123456789012:role/bench" });
        var input = "{\"items\":[" + string.Join(',', Enumerable.Range(0, 30)) + "]}";
        var started = await engine.StartExecutionAsync(new() { StateMachineArn = machine.StateMachineArn, Name = "bench-1", Input = input });
        for (var i = 0; i < 500; i++)
        {
            if ((await engine.DescribeExecutionAsync(new() { ExecutionArn = started.ExecutionArn })).Status != ExecutionStatus.RUNNING)
            {
                return started.ExecutionArn!;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The benchmark execution did not finish.");
    }

    private static async Task RawPostAsync(HttpClient http, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions.DescribeExecution");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
    }

    private static void Print(string name, Latencies t) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {t.Median,7:F3} ms {t.P95,7:F3} ms {t.P99,7:F3} ms"));
}
