using System.Text.Json.Nodes;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Review;

/// <summary>Claims and decisions against a real Step Functions server (moto) and the real SQLite store.</summary>
[Trait("Category", "Slow")]
public class DecisionServiceTests
{
    private static readonly Reviewer Alice = new("alice-oid", "Dr Alice Reid");
    private static readonly Reviewer Bob = new("bob-oid", "Dr Bob Okafor");

    [Fact]
    public async Task Approving_resumes_the_workflow_with_the_contract_output_and_marks_the_task_decided()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("approve-1");
        var decisions = gate.Decisions();

        (await decisions.ClaimAsync(task.Id, Alice)).Kind.Should().Be(DecisionResultKind.Delivered);
        var result = await decisions.ApproveAsync(new ApprovalRequest(task.Id, Alice, null, "I reviewed the images and this report."));

        result.Kind.Should().Be(DecisionResultKind.Delivered, result.Message);
        var ended = await gate.WaitForEndAsync(execution);
        ended.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        var output = JsonNode.Parse(ended.Output!)!;
        output["decision"]!.GetValue<string>().Should().Be("approved");
        output["reviewer"]!["name"]!.GetValue<string>().Should().Be("Dr Alice Reid");
        output["editedFromDraft"]!.GetValue<bool>().Should().BeFalse();
        (await gate.Drafts.ReadTextAsync(output["finalReportUri"]!.GetValue<string>(), 1_000_000)).Text.Should().Be(MotoReviewGate.Draft);
        output["finalSha256"]!.GetValue<string>().Should().Be(output["draftSha256"]!.GetValue<string>());
        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Decided);
        (await gate.Audit.ListForTaskAsync(task.Id)).Should().Contain(a => a.Action == "decided" && a.ActorId == "alice-oid");
    }

    [Fact]
    public async Task An_edited_approval_publishes_the_clinicians_text_with_its_own_hash()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("edit-1");
        var edited = MotoReviewGate.Draft.Replace("No acute abnormality.", "No acute intracranial abnormality.", StringComparison.Ordinal);
        await gate.Decisions().ClaimAsync(task.Id, Alice);

        var result = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, edited, "Reviewed."));

        result.Kind.Should().Be(DecisionResultKind.Delivered, result.Message);
        var output = JsonNode.Parse((await gate.WaitForEndAsync(execution)).Output!)!;
        output["editedFromDraft"]!.GetValue<bool>().Should().BeTrue();
        output["finalSha256"]!.GetValue<string>().Should().NotBe(output["draftSha256"]!.GetValue<string>());
        var final = await gate.Drafts.ReadTextAsync(output["finalReportUri"]!.GetValue<string>(), 1_000_000);
        final.Text.Should().Be(edited);
        output["finalReportKey"]!.GetValue<string>().Should().StartWith("drafts/edit-1.reviewed-");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_then_fails_the_gate_with_ClinicianRejected()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("reject-1");
        var decisions = gate.Decisions();
        await decisions.ClaimAsync(task.Id, Alice);

        (await decisions.RejectAsync(new RejectionRequest(task.Id, Alice, "   "))).Kind.Should().Be(DecisionResultKind.Invalid);
        (await gate.Store.GetAsync(task.Id))!.IsOpen.Should().BeTrue();

        var result = await decisions.RejectAsync(new RejectionRequest(task.Id, Alice, "Impression omits the hyperdense MCA sign."));

        result.Kind.Should().Be(DecisionResultKind.Delivered, result.Message);
        var ended = await gate.WaitForEndAsync(execution);
        ended.Status.Should().Be(ExecutionStatus.FAILED);
        ended.Error.Should().Be("ClinicianRejected");
        ended.Cause.Should().Be("Impression omits the hyperdense MCA sign.", "the reason is the failure's cause (tools/moto/run_moto.py keeps it, as AWS does)");
        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Decided);
    }

    [Fact]
    public async Task The_second_reviewer_is_told_who_decided_and_the_workflow_sees_one_decision()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("race-1");

        await gate.Decisions().ClaimAsync(task.Id, Alice);
        await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, null, "Reviewed."));
        var late = await gate.Decisions().RejectAsync(new RejectionRequest(task.Id, Bob, "Too late."));

        late.Kind.Should().Be(DecisionResultKind.Conflict);
        late.Message.Should().Contain("Dr Alice Reid already approved");
        (await gate.WaitForEndAsync(execution)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
    }

    [Fact]
    public async Task A_decision_after_the_gate_timed_out_closes_the_task_and_says_so_plainly()
    {
        await using var gate = await MotoReviewGate.StartAsync(timeoutSeconds: 2);
        var (task, execution) = await gate.OpenTaskAsync("late-1");
        (await gate.WaitForEndAsync(execution)).Status.Should().NotBe(ExecutionStatus.SUCCEEDED);

        await gate.Decisions().ClaimAsync(task.Id, Alice);
        var result = await gate.Decisions().ApproveAsync(new ApprovalRequest(task.Id, Alice, null, "Reviewed."));

        result.Kind.Should().Be(DecisionResultKind.Closed);
        result.Message.Should().Contain("stopped waiting");
        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Expired);
    }

    [Fact]
    public async Task The_reconciler_delivers_a_decision_recorded_before_a_crash()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("crash-1");
        var decision = new Decision { Outcome = DecisionOutcome.Rejected, Reviewer = Alice, DecidedAt = DateTimeOffset.UtcNow.AddMinutes(-1), Reason = "Wrong side." };
        await gate.Store.ClaimAsync(task.Id, Alice, DateTimeOffset.UtcNow.AddMinutes(10));
        (await gate.Store.RecordDecisionAsync(task.Id, decision)).Applied.Should().BeTrue();

        (await gate.Reconciler().ReconcileOnceAsync(CancellationToken.None)).Should().Be(1);

        (await gate.WaitForEndAsync(execution)).Error.Should().Be("ClinicianRejected");
        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Decided);
    }

    [Fact]
    public async Task The_reconciler_recognises_a_decision_that_landed_before_the_crash_and_does_not_resend_it()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("landed-1");
        var decision = new Decision { Outcome = DecisionOutcome.Rejected, Reviewer = Alice, DecidedAt = DateTimeOffset.UtcNow.AddMinutes(-1), Reason = "Wrong side." };
        await gate.Store.ClaimAsync(task.Id, Alice, DateTimeOffset.UtcNow.AddMinutes(10));
        await gate.Store.RecordDecisionAsync(task.Id, decision);
        await gate.StepFunctions.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = task.TaskToken, Error = "ClinicianRejected", Cause = "Wrong side." });
        await gate.WaitForEndAsync(execution);

        (await gate.Reconciler().ReconcileOnceAsync(CancellationToken.None)).Should().Be(1);

        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Decided);
    }
}
