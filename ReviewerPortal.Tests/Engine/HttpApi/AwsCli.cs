using System.Diagnostics;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>
/// The AWS CLI and boto3 installed on this machine, run unmodified against a local endpoint with dummy credentials and
/// no user configuration.
/// </summary>
public static class AwsCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary><c>aws --endpoint-url {endpoint} stepfunctions {arguments} --output json</c>.</summary>
    public static Task<Result> StepFunctionsAsync(Uri endpoint, params string[] arguments) =>
        RunAsync("aws", ["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json", "stepfunctions", .. arguments]);

    /// <summary>Runs a Python script with <c>ENDPOINT</c> set; boto3 is importable.</summary>
    public static Task<Result> Boto3Async(Uri endpoint, string script) =>
        RunAsync("python3", ["-c", script], new() { ["ENDPOINT"] = endpoint.ToString().TrimEnd('/') });

    private static async Task<Result> RunAsync(string fileName, string[] arguments, Dictionary<string, string>? extra = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
        foreach (var (key, value) in extra ?? [])
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
