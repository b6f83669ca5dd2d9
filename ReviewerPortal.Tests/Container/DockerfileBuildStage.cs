using System.Diagnostics;
using System.Text.RegularExpressions;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Container;

/// <summary>
/// Replays the Dockerfile's first (build) stage on this machine, where no Docker engine runs: its WORKDIR, its COPY
/// steps from the repository (honouring .dockerignore's <c>**/dir/</c> entries) and its RUN commands, with the
/// container's file system rooted in a temp folder. What the build stage publishes to <c>/app</c> lands in
/// <see cref="AppFolder"/>.
/// </summary>
public sealed partial class DockerfileBuildStage(string root)
{
    public string AppFolder => Path.Combine(root, "app");

    public List<string> Log { get; } = [];

    public static IReadOnlyList<(string Instruction, string Arguments)> Instructions(string dockerfile)
    {
        var joined = LineContinuation().Replace(dockerfile, " ");
        return joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2) is [var instruction, var rest] ? (instruction.ToUpperInvariant(), rest.Trim()) : (line.ToUpperInvariant(), ""))
            .ToList();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var instructions = Instructions(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "Dockerfile"), cancellationToken));
        var ignoredFolders = IgnoredFolderNames();
        var workdir = root;
        var stages = 0;
        foreach (var (instruction, arguments) in instructions)
        {
            if (instruction == "FROM" && ++stages > 1)
            {
                break;
            }

            switch (instruction)
            {
                case "WORKDIR":
                    workdir = InContainer(arguments);
                    Directory.CreateDirectory(workdir);
                    break;
                case "COPY":
                    var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var destination = parts[^1].StartsWith('/') ? InContainer(parts[^1]) : Path.Combine(workdir, parts[^1]);
                    foreach (var source in parts[..^1])
                    {
                        Copy(Path.Combine(RepoPaths.Root, source.TrimEnd('/')), destination, ignoredFolders);
                    }

                    break;
                case "RUN":
                    await RunCommandAsync(arguments.Replace(" /app", " " + AppFolder, StringComparison.Ordinal), workdir, cancellationToken);
                    break;
            }
        }
    }

    private string InContainer(string path) => Path.Combine(root, path.TrimStart('/'));

    private static HashSet<string> IgnoredFolderNames() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore"))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("**/", StringComparison.Ordinal))
            .Select(line => line[3..].TrimEnd('/'))
            .ToHashSet(StringComparer.Ordinal);

    private static void Copy(string source, string destination, HashSet<string> ignored)
    {
        if (File.Exists(source))
        {
            var target = destination.EndsWith('/') || Directory.Exists(destination) ? Path.Combine(destination, Path.GetFileName(source)) : destination;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return;
        }

        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                if (!ignored.Contains(directory.Name))
                {
                    Copy(directory.FullName, Path.Combine(destination, directory.Name), ignored);
                }
            }
            else
            {
                File.Copy(entry.FullName, Path.Combine(destination, entry.Name), overwrite: true);
            }
        }
    }

    private async Task RunCommandAsync(string command, string workdir, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = workdir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        // MSBuild reads environment variables as properties: the replay skips the code analyzers, which the solution's
        // own build has already run on these same sources with warnings as errors. What the replay proves (the layers copy
        // what restore and publish need, and the publish serves) does not depend on them, and they are a large part of a
        // Release compile on a loaded machine.
        info.Environment["RunAnalyzers"] = "false";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Log.Add($"$ {command}\n{await output}{await errors}");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Dockerfile step failed with exit code {process.ExitCode}:\n{Log[^1]}");
        }
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex LineContinuation();
}
