using System.Diagnostics;
using System.Globalization;
using ReviewerPortal.Engine.Runtime;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// The same 10-state definition written in JSONata and in JSONPath, run in memory on the local engine on one core:
/// transitions/s of each, and whether JSONata stays within 3x of JSONPath. Usage: <c>jsonata [executions]</c>.
/// </summary>
internal static class JsonataBenchmark
{
    // The JSONPath chain of the engine benchmark, state for state: the same selections, routes and results.
    private const string JsonataChain = """
        {"QueryLanguage":"JSONata","StartAt":"S1","States":{
          "S1":{"Type":"Pass","Output":{"caseId":"{% $states.input.caseId %}","n":"{% $states.input.n %}"},"Next":"S2"},
          "S2":{"Type":"Pass","Output":"{% $merge([$states.input, {'route': {'queue': 'routine'}}]) %}","Next":"S3"},
          "S3":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 5 %}","Next":"S4"}],"Default":"S4"},
          "S4":{"Type":"Pass","Output":{"caseId":"{% $states.input.caseId %}","n":"{% $states.input.n %}","route":"{% $states.input.route %}"},"Next":"S5"},
          "S5":{"Type":"Pass","Output":"{% $merge([$states.input, {'copy': $states.input}]) %}","Next":"S6"},
          "S6":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.route.queue = 'routine' %}","Next":"S7"}],"Default":"S7"},
          "S7":{"Type":"Pass","Output":"{% $states.input.copy %}","Next":"S8"},
          "S8":{"Type":"Pass","Output":"{% $merge([$states.input, {'status': 'done'}]) %}","Next":"S9"},
          "S9":{"Type":"Pass","Next":"S10"},
          "S10":{"Type":"Succeed"}}}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var executions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        Console.WriteLine($"JSONata vs JSONPath on the local engine — {executions} executions of the same 10-state definition, in memory, one core");
        await EngineBenchmark.MeasureAsync(new InMemoryEngineStore(), 500);
        await EngineBenchmark.MeasureAsync(new InMemoryEngineStore(), 500, JsonataChain);

        // Alternate the two, so that the machine's load (shared with other work) weighs on both alike.
        var jsonPath = new List<double>();
        var jsonata = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            jsonPath.Add((await EngineBenchmark.MeasureAsync(new InMemoryEngineStore(), executions)).TransitionsPerSecond);
            jsonata.Add((await EngineBenchmark.MeasureAsync(new InMemoryEngineStore(), executions, JsonataChain)).TransitionsPerSecond);
        }

        var path = Median(jsonPath);
        var ata = Median(jsonata);
        Console.WriteLine($"{"",-12}{"transitions/s (median of 3)",30}");
        Console.WriteLine($"{"JSONPath",-12}{path,30:N0}");
        Console.WriteLine($"{"JSONata",-12}{ata,30:N0}");
        Console.WriteLine($"JSONPath is {path / ata:F2}x JSONata; target: JSONata within 3x of JSONPath ({(path <= 3 * ata ? "met" : "NOT met")})");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
