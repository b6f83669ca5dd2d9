using System.Diagnostics;
using ReviewerPortal.Engine.Parsing;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.Parsing;

/// <summary>
/// Our validator against npm asl-validator on the bundled templates and on broken variants (Validation/*). The
/// "stricter" variants break rules of the specification that asl-validator does not check and AWS enforces
/// (States.ALL placement, ErrorEquals non-empty, BackoffRate ≥ 1, no End on Choice): there AWS's documented rule wins.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DefinitionValidatorAgreementTests
{
    private static readonly string Variants = Path.Combine(RepoPaths.Root, "ReviewerPortal.Tests", "Engine", "Validation");

    public static TheoryData<string> AgreementCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "ReviewerPortal", "Workflow", "Templates"), "*.asl.json")
            .Concat(Directory.GetFiles(Path.Combine(Variants, "valid")))
            .Concat(Directory.GetFiles(Path.Combine(Variants, "invalid")))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    public static TheoryData<string> StricterCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Variants, "stricter")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AgreementCases))]
    public async Task Our_validator_agrees_with_asl_validator(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var ours = DefinitionParser.Parse(await File.ReadAllTextAsync(path));
        var theirs = await AslValidatorAcceptsAsync(path);

        ours.IsValid.Should().Be(theirs, "asl-validator says {0}; we report: {1}", theirs ? "valid" : "invalid", string.Join(" | ", ours.Errors));
        if (relativePath.Contains("invalid", StringComparison.Ordinal))
        {
            ours.Errors.Should().OnlyContain(d => d.Location.StartsWith('/') && d.Message.Length > 0);
        }
    }

    [Theory]
    [MemberData(nameof(StricterCases))]
    public async Task Definitions_AWS_rejects_but_asl_validator_misses_are_rejected_with_the_field_named(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var ours = DefinitionParser.Parse(await File.ReadAllTextAsync(path));

        ours.IsValid.Should().BeFalse();
        ours.Errors.Should().Contain(d => d.Location.StartsWith("/States/A", StringComparison.Ordinal));
    }

    private static async Task<bool> AslValidatorAcceptsAsync(string path)
    {
        var cli = Path.Combine(RepoPaths.NodeModules, ".bin", "asl-validator");
        File.Exists(cli).Should().BeTrue("run `npm ci` in tools/node first");
        using var process = Process.Start(new ProcessStartInfo(cli, ["--json-path", path, "--silent"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }
}
