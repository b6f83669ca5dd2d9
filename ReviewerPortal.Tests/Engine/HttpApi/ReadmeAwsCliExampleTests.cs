using System.Diagnostics;
using ReviewerPortal.Engine.HttpApi;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>The README's AWS CLI example, run as written (only the port differs) against a portal in Local mode.</summary>
[Trait("Category", "Slow")]
public class ReadmeAwsCliExampleTests
{
    private const string DocumentedUrl = "http://127.0.0.1:8083";

    [Fact]
    public async Task The_README_s_AWS_CLI_commands_work_against_the_portal_in_Local_mode()
    {
        var commands = ReadmeCommands();
        commands.Should().Contain("list-executions", "the README shows list-executions against the local engine");
        await using var portal = new PortalApp(new Dictionary<string, string?> { ["LocalEngine:ApiUrl"] = "http://127.0.0.1:0" });
        var api = portal.GetRequiredService<ApiHost>().Address!;

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-euc");
        info.ArgumentList.Add(commands.Replace(DocumentedUrl, api.ToString().TrimEnd('/'), StringComparison.Ordinal));
        info.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        using var shell = Process.Start(info)!;
        var stdout = shell.StandardOutput.ReadToEndAsync();
        var stderr = shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync();

        shell.ExitCode.Should().Be(0, await stderr);
        var printed = await stdout;
        printed.Should().Contain("stateMachine:study-review").And.Contain("\"executions\"");
    }

    /// <summary>The indented command block of the README section on the local engine's API.</summary>
    private static string ReadmeCommands()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var section = lines.SkipWhile(l => !l.StartsWith("## Drive the local engine", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        return string.Join('\n', section.Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..]));
    }
}
