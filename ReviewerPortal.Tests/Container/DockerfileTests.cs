using System.Diagnostics;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Container;

/// <summary>
/// No Docker engine runs here, so the Dockerfile is checked in the two ways that can run: the linter (npm's
/// dockerfile-utils, from tools/node), and its build stage replayed to publish the portal, which must then serve
/// and pass the HEALTHCHECK command the image runs.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DockerfileTests
{
    private static readonly string Linter = Path.Combine(RepoPaths.NodeModules, "dockerfile-utils", "bin", "dockerfile-utils");

    [Fact]
    public async Task The_dockerfile_passes_the_linter()
    {
        var (exitCode, output) = await RunAsync("node", [Linter, "lint", Path.Combine(RepoPaths.Root, "Dockerfile")]);

        output.Should().BeEmpty();
        exitCode.Should().Be(0);
    }

    [Fact]
    public async Task The_linter_catches_a_broken_dockerfile()
    {
        using var folder = new TempDirectory();
        var broken = folder.File("Dockerfile");
        await File.WriteAllTextAsync(broken, "FROM debian:bookworm-slim\nEXPOSE http\nHEALTHCHECK CMD\n");

        var (exitCode, output) = await RunAsync("node", [Linter, "lint", broken]);

        exitCode.Should().NotBe(0);
        output.Should().Contain("Invalid containerPort").And.Contain("Missing command after HEALTHCHECK CMD");
    }

    [Fact]
    public async Task The_image_is_multi_stage_non_root_with_a_healthcheck_and_a_configurable_port()
    {
        var instructions = DockerfileBuildStage.Instructions(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "Dockerfile")));

        instructions.Count(i => i.Instruction == "FROM").Should().Be(2);
        instructions.Should().Contain(i => i.Instruction == "FROM" && i.Arguments.Contains("RUNTIME_IMAGE", StringComparison.Ordinal));
        instructions.Should().Contain(("ARG", "RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim"));
        instructions.Last(i => i.Instruction == "USER").Arguments.Should().NotBe("root").And.NotBe("0");
        instructions.Should().Contain(i => i.Instruction == "HEALTHCHECK" && i.Arguments.Contains("--healthcheck", StringComparison.Ordinal));
        instructions.Should().Contain(i => i.Instruction == "ENV" && i.Arguments.Contains("ASPNETCORE_HTTP_PORTS=${PORT}", StringComparison.Ordinal));
        var restore = instructions.ToList().FindIndex(i => i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var sources = instructions.ToList().FindIndex(i => i is ("COPY", "ReviewerPortal/ ReviewerPortal/"));
        restore.Should().BeLessThan(sources, "restore is its own layer, before the sources are copied");
    }

    /// <summary>Slow (a Release publish, about a minute): run in CI through the README's test command.</summary>
    [Fact]
    public async Task The_build_stage_publishes_a_framework_dependent_portal_that_serves_and_passes_the_healthcheck()
    {
        using var root = new TempDirectory("reviewer-portal-docker");
        var stage = new DockerfileBuildStage(root.Path);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));

        await stage.RunAsync(timeout.Token);

        var executable = Path.Combine(stage.AppFolder, "ReviewerPortal");
        File.Exists(executable).Should().BeTrue(string.Join('\n', stage.Log));
        File.Exists(Path.Combine(stage.AppFolder, "ReviewerPortal.dll")).Should().BeTrue();
        File.Exists(Path.Combine(stage.AppFolder, "libhostfxr.so")).Should().BeFalse("the runtime comes from the aspnet base image");
        var data = Path.Combine(root.Path, "data");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Portal__DataDirectory"] = data,
            ["Identity__Mode"] = "Oidc",
            ["Identity__Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            ["Identity__ClientId"] = "reviewer-portal-container-test",
            ["Identity__ClientSecret"] = "reviewer-portal-container-test-secret",
        };
        int port;
        await using (var portal = await LoopbackServer.StartAsync(
            executable,
            // The image's WORKDIR is /app, which makes it the content root there.
            p => ["--urls", $"http://127.0.0.1:{p}", "--contentRoot", stage.AppFolder],
            environment))
        {
            port = portal.Port;
            using var http = new HttpClient { BaseAddress = portal.BaseUri };
            (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode.Should().BeTrue(portal.Log);
            (await http.GetAsync(new Uri("/_content/MudBlazor/MudBlazor.min.css", UriKind.Relative))).IsSuccessStatusCode
                .Should().BeTrue("package static assets are published into wwwroot");

            var (healthy, said) = await RunAsync(executable, ["--healthcheck"], new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            healthy.Should().Be(0, said);
        }

        var (stopped, _) = await RunAsync(executable, ["--healthcheck"], new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        stopped.Should().Be(1, "the HEALTHCHECK fails when nothing answers");
    }

    [Fact]
    public async Task The_restore_layer_copies_every_project_the_portal_builds_from()
    {
        var instructions = DockerfileBuildStage.Instructions(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "Dockerfile"))).ToList();
        var restore = instructions.FindIndex(i => i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var copiedBeforeRestore = instructions.Take(restore).Where(i => i.Instruction == "COPY").Select(i => i.Arguments).ToList();

        // The portal and, transitively, each project it references: a restore without one of them fails in the image only.
        foreach (var project in PortalProjects())
        {
            copiedBeforeRestore.Should().Contain(copy => copy.StartsWith($"{project}/{project}.csproj ", StringComparison.Ordinal), $"{project} is restored with the portal");
            instructions.Skip(restore).Should().Contain(i => i.Instruction == "COPY" && i.Arguments == $"{project}/ {project}/", $"{project}'s sources are built with the portal");
        }
    }

    private static HashSet<string> PortalProjects()
    {
        var pending = new Queue<string>(["ReviewerPortal"]);
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var project))
        {
            if (found.Add(project))
            {
                foreach (var reference in System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, project, project + ".csproj")).Descendants("ProjectReference"))
                {
                    pending.Enqueue(Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')));
                }
            }
        }

        found.Should().HaveCountGreaterThan(1, "the portal builds from the engine and the client too");
        return found;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? [])
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await errors).Trim());
    }
}
