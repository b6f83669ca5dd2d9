using System.Diagnostics;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>Runs a command of the repository (the deploy scripts, the AWS CLI, cfn-lint) with the local servers' credentials.</summary>
public static class CommandLine
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public string All => Output + Errors;

        /// <summary>The plan: the <c>==&gt;</c> step lines a deploy script prints.</summary>
        public IReadOnlyList<string> Steps => Output.Split('\n').Where(line => line.StartsWith("==> ", StringComparison.Ordinal)).ToList();
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in TestServers.FakeAwsEnvironment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish:\n{await stdout}{await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> ScriptAsync(string script, params string[] arguments) =>
        RunAsync("bash", [Path.Combine(RepoPaths.Root, "deploy", script), .. arguments]);
}
