using ReviewerPortal.Benchmarks;

// One benchmark per file; the first argument picks it.
return args.FirstOrDefault() switch
{
    "engine" => await EngineBenchmark.RunAsync(args),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run --project ReviewerPortal.Benchmarks -c Release -- <benchmark> [options]");
    Console.WriteLine("  engine [executions=5000] [paused=10000]   local ASL engine vs moto: throughput and paused-execution memory");
    return 1;
}
