using ReviewerPortal.Tests.Deploy;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests;

/// <summary>The portal process, started as ECS starts it, refuses a configuration error with one plain line and exit code 1.</summary>
[Trait("Category", "Slow")]
public class ConfigurationErrorsTests
{
    private static readonly string Portal = Path.Combine(AppContext.BaseDirectory, "ReviewerPortal.dll");

    [Fact]
    public async Task Aws_mode_without_its_settings_names_every_missing_setting_in_one_line_and_exits_with_code_1()
    {
        var run = await StartPortalAsync("Development", "--Portal:Mode=Aws");

        run.ExitCode.Should().Be(1, run.All);
        run.Errors.Trim().Split('\n').Should().ContainSingle()
            .Which.Should().StartWith("Configuration error: Aws mode cannot start: missing settings Aws:Region, Aws:TableName, Aws:DraftBucket");
        run.All.Should().NotContain("   at ", "an operator needs the setting, not a stack trace");
    }

    [Fact]
    public async Task Persona_sign_in_outside_development_names_identity_mode_and_exits_with_code_1()
    {
        var run = await StartPortalAsync("Production", "--Portal:Mode=Local");

        run.ExitCode.Should().Be(1, run.All);
        run.Errors.Trim().Should().StartWith("Configuration error: Identity:Mode is Development").And.NotContain("   at ");
    }

    [Fact]
    public async Task An_unknown_mode_names_the_setting_and_exits_with_code_1()
    {
        var run = await StartPortalAsync("Development", "--Portal:Mode=Remote");

        run.ExitCode.Should().Be(1, run.All);
        run.Errors.Should().Contain("Portal:Mode").And.NotContain("   at ");
    }

    [Fact]
    public async Task An_unreadable_client_certificate_names_the_file_in_one_line_and_exits_with_code_1()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pfx");

        var run = await StartPortalAsync(
            "Production",
            "--Identity:Mode=Oidc",
            "--Identity:TenantId=7c4ab3c2-0d6c-4b7e-9b55-2f5a3f0c1a11",
            "--Identity:ClientId=reviewer-portal",
            "--Identity:ClientCertificates:0:SourceType=Path",
            $"--Identity:ClientCertificates:0:CertificateDiskPath={missing}");

        run.ExitCode.Should().Be(1, run.All);
        run.Errors.Trim().Split('\n').Should().ContainSingle()
            .Which.Should().StartWith("Configuration error: No certificate in Identity:ClientCertificates can be used").And.Contain(missing);
        run.All.Should().NotContain("   at ");
    }

    private static async Task<CommandLine.Result> StartPortalAsync(string environment, params string[] settings)
    {
        using var folder = new TempDirectory("config-errors");
        return await CommandLine.RunAsync(
            "dotnet",
            [Portal, .. settings, $"--environment={environment}", $"--Portal:DataDirectory={folder.Path}", $"--urls=http://127.0.0.1:{LoopbackServer.FreePort()}", "--Demo:SeedOnStart=false", "--LocalEngine:ApiUrl="],
            TimeSpan.FromMinutes(3));
    }
}
