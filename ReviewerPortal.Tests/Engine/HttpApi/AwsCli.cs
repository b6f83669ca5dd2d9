using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>
/// The AWS CLI and boto3 installed on this machine, run unmodified against a local endpoint with dummy credentials and
/// no user configuration.
/// </summary>
public static class AwsCli
{
    private static readonly ConcurrentBag<CliProcess> Idle = [];

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// <c>aws --endpoint-url {endpoint} --output json stepfunctions {arguments}</c>, run by the CLI's own driver (what the
    /// <c>aws</c> script calls) in a Python process kept warm between commands: starting Python and importing botocore
    /// cost seconds a command on a loaded machine, the command itself a fraction of that. Each command gets a fresh
    /// driver and session; the <c>aws</c> executable itself is run by <see cref="ReadmeAwsCliExampleTests"/>.
    /// </summary>
    public static async Task<Result> StepFunctionsAsync(Uri endpoint, params string[] arguments)
    {
        var cli = Idle.TryTake(out var warm) ? warm : CliProcess.Start();
        try
        {
            var result = await cli.RunAsync(["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json", "stepfunctions", .. arguments]);
            Idle.Add(cli);
            return result;
        }
        catch
        {
            // A command that timed out or a process that died: never hand that process to another command.
            cli.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Python script with <c>ENDPOINT</c> set; boto3 is importable.</summary>
    public static async Task<Result> Boto3Async(Uri endpoint, string script)
    {
        var info = StartInfo("python3", ["-c", script]);
        info.Environment["ENDPOINT"] = endpoint.ToString().TrimEnd('/');
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo StartInfo(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        info.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        info.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        return info;
    }

    /// <summary>One warm Python process running CLI commands one at a time: a JSON argument list in, a JSON result out.</summary>
    private sealed class CliProcess : IDisposable
    {
        // The driver writes to sys.stdout/sys.stderr as they are when it writes, so redirecting them captures a command.
        private const string Loop = """
            import contextlib, io, json, sys
            from awscli.clidriver import create_clidriver
            for line in sys.stdin:
                out, err = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    try:
                        code = create_clidriver().main(json.loads(line))
                    except SystemExit as e:
                        code = e.code if isinstance(e.code, int) else 1
                sys.__stdout__.write(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()}) + "\n")
                sys.__stdout__.flush()
            """;

        private readonly Process process;

        private CliProcess(Process process) => this.process = process;

        public static CliProcess Start() => new(Process.Start(StartInfo("python3", ["-c", Loop]))!);

        public async Task<Result> RunAsync(string[] arguments)
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(arguments));
            await process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The AWS CLI process ended: " + await process.StandardError.ReadToEndAsync());
            using var answer = JsonDocument.Parse(line);
            var root = answer.RootElement;
            return new Result(root.GetProperty("code").GetInt32(), root.GetProperty("out").GetString()!, root.GetProperty("err").GetString()!);
        }

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }
}
