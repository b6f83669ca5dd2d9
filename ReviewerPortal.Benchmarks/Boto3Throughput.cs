using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// Executions and transitions per second as a boto3 script sees them (tools/bench/boto3_throughput.py): every start
/// and every status poll a real HTTP request through botocore, against any Step Functions endpoint.
/// </summary>
internal static class Boto3Throughput
{
    public static async Task<Throughput> MeasureAsync(Uri endpoint, string definition, int executions, int transitionsPerExecution)
    {
        var definitionFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(definitionFile, definition);
            var script = Path.Combine(BenchmarkArgs.RepoRoot(), "tools", "bench", "boto3_throughput.py");
            using var python = Process.Start(new ProcessStartInfo("python3", [script, endpoint.ToString(), executions.ToString(CultureInfo.InvariantCulture), definitionFile])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = python.StandardOutput.ReadToEndAsync();
            var errors = python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();
            if (python.ExitCode != 0)
            {
                throw new InvalidOperationException($"boto3 run against {endpoint} failed: {await errors}");
            }

            var result = JsonNode.Parse((await output).Trim().Split('\n')[^1])!;
            var seconds = result["seconds"]!.GetValue<double>();
            return new Throughput(executions / seconds, executions * transitionsPerExecution / seconds);
        }
        finally
        {
            File.Delete(definitionFile);
        }
    }
}
