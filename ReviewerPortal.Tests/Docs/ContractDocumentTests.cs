using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Docs;

/// <summary>
/// docs/contract.md is the template ↔ portal contract a maintainer reads: these tests fail when the templates or the
/// portal start writing a name the document does not list, or when code points readers to a document outside the repository.
/// </summary>
public partial class ContractDocumentTests
{
    private static readonly string Contract = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "contract.md"));

    private static readonly JsonObject StudyReview =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "ReviewerPortal", "Workflow", "Templates", "study-review.asl.json")))!.AsObject();

    [Fact]
    public void Every_attribute_a_review_gate_writes_is_in_the_contract()
    {
        var gates = Tasks(StudyReview).Where(t => t["Resource"]!.GetValue<string>().EndsWith(":putItem.waitForTaskToken", StringComparison.Ordinal)).ToList();
        var written = gates.SelectMany(g => g["Parameters"]!["Item"]!.AsObject().Select(p => p.Key)).Distinct().ToList();

        gates.Should().HaveCount(3, "study-review has an urgent, a routine and an escalation gate");
        written.Should().Contain(["taskToken", "firstArrivedAt", "slaSeconds"]);
        written.Where(name => !Documented(name)).Should().BeEmpty("docs/contract.md lists every attribute of the review-task item");
    }

    [Fact]
    public void Every_attribute_a_template_update_sets_or_removes_is_in_the_contract()
    {
        var updated = Tasks(StudyReview)
            .Where(t => t["Resource"]!.GetValue<string>().EndsWith(":dynamodb:updateItem", StringComparison.Ordinal))
            .SelectMany(UpdatedAttributes)
            .Distinct()
            .ToList();

        updated.Should().Contain(["status", "openQueue", "workflowOutcome", "reportUri"]);
        updated.Where(name => !Documented(name)).Should().BeEmpty("docs/contract.md says which template state writes what");
    }

    [Fact]
    public void Every_name_of_the_portal_s_attribute_list_is_in_the_contract()
    {
        var names = typeof(ReviewTaskAttributes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        names.Should().Contain(["pk", "open-by-queue", "deciding"]);
        names.Where(name => !Documented(name)).Should().BeEmpty();
    }

    [Fact]
    public void Every_field_of_the_approval_output_is_in_the_contract()
    {
        var decision = new Decision
        {
            Outcome = DecisionOutcome.Approved,
            Reviewer = new Reviewer("oid-1", "Dr One"),
            DecidedAt = DateTimeOffset.UnixEpoch,
            FinalReportLocation = "s3://drafts/case/draft.reviewed-t1.md",
            DraftSha256 = "a",
            FinalSha256 = "b",
            Attestation = "I reviewed the images.",
        };

        var fields = JsonNode.Parse(DecisionPayload.ApprovalOutput(decision))!.AsObject().Select(p => p.Key).ToList();

        fields.Should().Contain(["decision", "finalReportBucket", "finalSha256"]);
        fields.Where(name => !Documented(name)).Should().BeEmpty("docs/contract.md lists the SendTaskSuccess output");
        Documented(DecisionPayload.RejectionError).Should().BeTrue();
    }

    [Fact]
    public void No_file_points_readers_to_the_design_notes_outside_the_repository()
    {
        // Built from parts so that this file does not name it itself.
        var outside = "DESIGN" + ".md";
        string[] kinds = [".cs", ".razor", ".json", ".props", ".csproj", ".py", ".sh", ".mjs", ".yaml", ".md"];

        var mentions = SourceFiles(RepoPaths.Root)
            .Where(path => kinds.Contains(Path.GetExtension(path)))
            .Where(path => File.ReadAllText(path).Contains(outside, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path))
            .ToList();

        mentions.Should().BeEmpty("the contract is docs/contract.md and the platform notes docs/platform.md, both in the repository");
    }

    /// <summary>The repository's own files: build output, installed packages, local data and git's store are skipped whole.</summary>
    private static IEnumerable<string> SourceFiles(string folder)
    {
        string[] skipped = ["bin", "obj", "node_modules", ".git", ".data"];
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !skipped.Contains(Path.GetFileName(d))))
        {
            foreach (var file in SourceFiles(child))
            {
                yield return file;
            }
        }
    }

    /// <summary>A name counts as documented when it appears inside a code span of the document.</summary>
    private static bool Documented(string name) =>
        CodeSpan().Matches(Contract).Any(m => m.Groups[1].Value.Contains(name, StringComparison.Ordinal));

    private static IEnumerable<JsonObject> Tasks(JsonObject machine)
    {
        foreach (var (_, state) in machine["States"]!.AsObject())
        {
            if (state!["Type"]!.GetValue<string>() == "Task")
            {
                yield return state.AsObject();
            }
        }
    }

    /// <summary>The attribute names a DynamoDB UpdateExpression sets, removes or adds, with #placeholders resolved.</summary>
    private static IEnumerable<string> UpdatedAttributes(JsonObject task)
    {
        var parameters = task["Parameters"]!;
        var names = parameters["ExpressionAttributeNames"]?.AsObject();
        var expression = parameters["UpdateExpression"]!.GetValue<string>();
        foreach (Match clause in UpdateClause().Matches(expression))
        {
            foreach (var part in clause.Groups[2].Value.Split(','))
            {
                var name = part.Trim().Split(' ', '=')[0];
                yield return name.StartsWith('#') ? names![name]!.GetValue<string>() : name;
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(SET|REMOVE|ADD)\s+(.*?)(?=\s+(?:SET|REMOVE|ADD)\s|$)")]
    private static partial Regex UpdateClause();
}
