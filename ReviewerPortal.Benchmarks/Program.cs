using ReviewerPortal.Benchmarks;

// Benchmarks print figures; they are programs, not timed tests. Run one by name:
//   dotnet run -c Release --project ReviewerPortal.Benchmarks -- <name> [options]
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["queue-listing"] = QueueListingBenchmark.RunAsync,
    ["approve-to-publication"] = ApproveToPublicationBenchmark.RunAsync,
    ["dynamodb-store"] = DynamoDbStoreBenchmark.RunAsync,
    ["step-functions-api"] = StepFunctionsApiBenchmark.RunAsync,
    ["engine"] = EngineBenchmark.RunAsync,
    ["jsonata"] = JsonataBenchmark.RunAsync,
    ["circuit-memory"] = CircuitMemoryBenchmark.RunAsync,
    ["distributed-map"] = DistributedMapBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"Usage: ReviewerPortal.Benchmarks <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
