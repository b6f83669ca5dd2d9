using System.Text.Json.Nodes;
using ReviewerPortal.Drafts;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Review;

/// <summary>
/// What may be published (issue 10): only by the claim holder, never the AI disclaimer, never a manual-drafting
/// placeholder, never more than 1 MiB; against a real Step Functions server (moto) and the real SQLite store.
/// </summary>
[Trait("Category", "Slow")]
public class ApprovalSafetyTests
{
    private static readonly Reviewer Alice = new("alice-oid", "Dr Alice Reid");
    private const string Disclaimer = "_AI-generated draft for review by a reporting radiologist. Not a final report._";

    [Fact]
    public async Task A_decision_without_the_claim_is_refused_and_nothing_reaches_the_workflow()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("unclaimed-1");

        var approval = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, null, "Reviewed."));
        var rejection = await gate.Decisions().RejectAsync(new RejectionRequest(task.Id, Alice, "Wrong side."));

        approval.Kind.Should().Be(DecisionResultKind.Conflict);
        approval.Message.Should().Contain("claim it before deciding");
        rejection.Kind.Should().Be(DecisionResultKind.Conflict);
        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Pending);
        (await gate.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = execution })).Status.Should().Be(ExecutionStatus.RUNNING);
    }

    [Fact]
    public async Task Approving_a_draft_as_shown_publishes_it_without_the_ai_disclaimer_and_records_its_hash()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("disclaimer-1", MotoReviewGate.Draft + "\n" + Disclaimer + "\n");
        await gate.Decisions().ClaimAsync(task.Id, Alice);

        var result = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, null, "Reviewed."));

        result.Kind.Should().Be(DecisionResultKind.Delivered, result.Message);
        var output = JsonNode.Parse((await gate.WaitForEndAsync(execution)).Output!)!;
        var published = await gate.Drafts.ReadTextAsync(output["finalReportUri"]!.GetValue<string>(), 1_000_000);
        published.Text.Should().Be(MotoReviewGate.Draft).And.NotContain("AI-generated");
        output["finalSha256"]!.GetValue<string>().Should().Be(published.Sha256);
        output["editedFromDraft"]!.GetValue<bool>().Should().BeFalse("the disclaimer is provenance, not the clinician's edit");
        result.Task!.Decision!.FinalSha256.Should().Be(published.Sha256);
    }

    [Fact]
    public async Task An_edit_that_keeps_the_disclaimer_is_refused_with_the_reason()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, _) = await gate.OpenTaskAsync("disclaimer-2");
        await gate.Decisions().ClaimAsync(task.Id, Alice);

        var result = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, MotoReviewGate.Draft + Disclaimer + "\n", "Reviewed."));

        result.Kind.Should().Be(DecisionResultKind.Invalid);
        result.Message.Should().Contain("disclaimer").And.Contain("Nothing was published");
        (await gate.Store.GetAsync(task.Id))!.IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task A_manual_drafting_skeleton_cannot_be_approved_until_its_placeholders_are_replaced()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var skeleton = $"# CT HEAD\n\n## FINDINGS\n\n{ManualDrafting.Placeholder}\n\n## IMPRESSION\n\n{ManualDrafting.Placeholder}\n";
        var (task, execution) = await gate.OpenTaskAsync("manual-1", skeleton);
        await gate.Decisions().ClaimAsync(task.Id, Alice);

        var asIs = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, null, "Reviewed."));
        var half = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, skeleton.Replace("## FINDINGS\n\n" + ManualDrafting.Placeholder, "## FINDINGS\n\nNormal.", StringComparison.Ordinal), "Reviewed."));

        asIs.Kind.Should().Be(DecisionResultKind.Invalid);
        asIs.Message.Should().Contain(ManualDrafting.Placeholder).And.Contain("Replace every placeholder");
        half.Kind.Should().Be(DecisionResultKind.Invalid);
        (await gate.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = execution })).Status.Should().Be(ExecutionStatus.RUNNING);

        var written = skeleton.Replace(ManualDrafting.Placeholder, "Written by hand.", StringComparison.Ordinal);
        (await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, written, "Reviewed."))).Kind.Should().Be(DecisionResultKind.Delivered);
    }

    [Fact]
    public async Task A_report_over_one_mebibyte_is_refused_and_nothing_is_published()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("huge-1");
        await gate.Decisions().ClaimAsync(task.Id, Alice);
        var huge = MotoReviewGate.Draft + new string('x', ApprovedReport.MaxBytes);

        var result = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, huge, "Reviewed."));

        result.Kind.Should().Be(DecisionResultKind.Invalid);
        result.Message.Should().Contain("1 MiB").And.Contain("Nothing was published");
        (await gate.Drafts.ReadTextAsync(DecisionService.ReviewedLocation(task), 10_000_000)).Status.Should().Be(DraftReadStatus.NotFound);
        (await gate.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = execution })).Status.Should().Be(ExecutionStatus.RUNNING);
    }
}
