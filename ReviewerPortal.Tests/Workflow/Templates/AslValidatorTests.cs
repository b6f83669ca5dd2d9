using System.Diagnostics;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>Every bundled template passes npm asl-validator, as shipped and after substitution.</summary>
[Trait("Category", "Slow")]
public class AslValidatorTests
{
    public static TheoryData<string> Templates() => new(BundledTemplates.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task The_template_as_shipped_is_valid_ASL(string name)
    {
        var template = BundledTemplates.All.Single(t => t.Name == name);
        var (exitCode, output) = await ValidateAsync(template.ReadDefinition());
        exitCode.Should().Be(0, output);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task The_template_with_deploy_time_values_substituted_is_valid_ASL(string name)
    {
        var template = BundledTemplates.All.Single(t => t.Name == name);
        var values = new WorkflowTemplateOptions().Substitutions("arn:aws:states:eu-west-2:123456789012:stateMachine:draft-generation");
        var (exitCode, output) = await ValidateAsync(TemplatePlaceholders.Substitute(template.ReadDefinition(), values));
        exitCode.Should().Be(0, output);
    }

    [Fact]
    public async Task The_validator_rejects_a_broken_definition_so_the_checks_above_can_fail()
    {
        var (exitCode, _) = await ValidateAsync("""{"StartAt":"Missing","States":{"Only":{"Type":"Pass","End":true}}}""");
        exitCode.Should().NotBe(0);
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string definition)
    {
        var file = Path.Combine(Path.GetTempPath(), $"asl-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, definition);
        try
        {
            var info = new ProcessStartInfo(Path.Combine(RepoPaths.NodeModules, ".bin", "asl-validator"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.ArgumentList.Add("--json-path");
            info.ArgumentList.Add(file);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
