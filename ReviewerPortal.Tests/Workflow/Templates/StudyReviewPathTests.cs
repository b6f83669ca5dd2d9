using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>Every path of the study-review template (and draft-generation inside it) on the local engine, manual clock.</summary>
public class StudyReviewPathTests
{
    [Fact]
    public async Task An_approved_urgent_case_publishes_the_report_marks_the_task_and_emits_the_event()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtHeadStroke, "approve-urgent");

        var task = await h.WaitForOpenTaskAsync(execution);
        task.Queue.Should().Be(QueueName.Urgent);
        task.StudyDescription.Should().Be("CT HEAD WITHOUT CONTRAST");
        task.DueAt.Should().Be(task.CreatedAt.AddMinutes(60));
        var draft = await h.ReadAsync(task.DraftLocation);
        draft.Should().Contain("## FINDINGS").And.Contain("MCA territory");

        (await h.ApproveAsync(task)).Kind.Should().Be(DecisionResultKind.Delivered);
        var ended = await h.RunToEndAsync(execution);

        ended.Status.Should().Be(ExecutionStatus.SUCCEEDED, ended.Cause);
        var output = StudyReviewHarness.Json(ended.Output);
        output["outcome"]!.GetValue<string>().Should().Be("published");
        var reportUri = output["reportUri"]!.GetValue<string>();
        reportUri.Should().Be("s3://reviewer-portal-reports/reports/RP-1001/approve-urgent.md");
        (await h.ReadAsync(reportUri)).Should().Be(ReportProvenance.WithoutDisclaimer(draft)).And.NotContain("AI-generated draft");
        (await h.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Decided);
        (await h.Audit.ListForTaskAsync(task.Id)).Should().Contain(a => a.Action == "workflow-published" && a.Detail == reportUri);
        h.Events.Recent(10).Should().ContainSingle(e => e.DetailType == "Report Published").Which.Detail.Should().Contain(reportUri);
    }

    [Fact]
    public async Task A_clinicians_edit_is_what_gets_published()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.MriKnee, "edit-routine");
        var task = await h.WaitForOpenTaskAsync(execution);
        task.Queue.Should().Be(QueueName.Routine);
        task.DueAt.Should().Be(task.CreatedAt.AddHours(72));
        var edited = ReportProvenance.WithoutDisclaimer(await h.ReadAsync(task.DraftLocation)).Replace("Small joint effusion.", "Moderate joint effusion.", StringComparison.Ordinal);

        await h.ApproveAsync(task, edited);
        var ended = await h.RunToEndAsync(execution);

        var output = StudyReviewHarness.Json(ended.Output);
        output["editedFromDraft"]!.GetValue<bool>().Should().BeTrue();
        (await h.ReadAsync(output["reportUri"]!.GetValue<string>())).Should().Be(edited);
    }

    [Fact]
    public async Task A_rejection_regenerates_the_draft_with_the_reason_and_the_revision_comes_back_for_approval()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.ChestXray, "reject-then-approve");
        var first = await h.WaitForOpenTaskAsync(execution);

        (await h.RejectAsync(first, "Compare with the prior radiograph from 2024.")).Kind.Should().Be(DecisionResultKind.Delivered);
        var revision = await h.WaitForOpenTaskAsync(execution, except: first.Id);

        revision.Attempt.Should().Be(2);
        revision.Queue.Should().Be(QueueName.Routine);
        (await h.ReadAsync(revision.DraftLocation)).Should().Contain("## REVISION NOTE").And.Contain("Compare with the prior radiograph from 2024.");
        await h.ApproveAsync(revision);
        var ended = await h.RunToEndAsync(execution);
        ended.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        StudyReviewHarness.Json(ended.Output)["attempt"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task After_the_revision_limit_the_radiologist_drafts_by_hand()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.MriLumbarSpine, "revision-limit");
        var task = await h.WaitForOpenTaskAsync(execution);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            task.Attempt.Should().Be(attempt);
            await h.RejectAsync(task, $"Attempt {attempt} is not acceptable.");
            task = await h.WaitForOpenTaskAsync(execution, except: task.Id);
        }

        task.Attempt.Should().Be(4);
        task.DraftLocation.Should().EndWith("/manual-4.md");
        var skeleton = await h.ReadAsync(task.DraftLocation);
        skeleton.Should().Contain("Manual drafting").And.Contain("[To be completed by the reporting radiologist.]");
        await h.ApproveAsync(task, skeleton.Replace("[To be completed by the reporting radiologist.]", "Completed by hand.", StringComparison.Ordinal));
        var ended = await h.RunToEndAsync(execution);
        StudyReviewHarness.Json(ended.Output)["manualDraft"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task An_unclaimed_urgent_task_escalates_after_its_heartbeat_window_and_can_be_approved_there()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtPulmonaryAngiogram, "heartbeat-escalation");
        var task = await h.WaitForOpenTaskAsync(execution);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        var escalated = await h.WaitForOpenTaskAsync(execution, except: task.Id);

        escalated.Queue.Should().Be(QueueName.Escalation);
        (await h.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Expired);
        var late = await h.ApproveAsync(task);
        late.Kind.Should().NotBe(DecisionResultKind.Delivered);
        (await h.ApproveAsync(escalated)).Kind.Should().Be(DecisionResultKind.Delivered);
        (await h.RunToEndAsync(execution)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
        (await h.HistoryAsync(execution)).Should().Contain(e => e.Type == HistoryEventType.TaskTimedOut);
    }

    [Fact]
    public async Task A_claimed_task_is_kept_alive_by_heartbeats_until_the_hard_timeout_then_escalation_expires_as_a_breach()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtAbdomenAppendicitis, "hard-timeout");
        var task = await h.WaitForOpenTaskAsync(execution);

        // A clinician holds the case: every 5 minutes the claim is renewed and a heartbeat sent, so the 10-minute
        // heartbeat window never passes, but the 60-minute hard limit does.
        for (var minutes = 0; minutes < 60; minutes += 5)
        {
            (await h.Decisions.ClaimAsync(task.Id, StudyReviewHarness.Alice)).Kind.Should().Be(minutes < 60 ? DecisionResultKind.Delivered : DecisionResultKind.Closed);
            h.Time.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(20);
        }

        var escalated = await h.WaitForOpenTaskAsync(execution, except: task.Id);
        escalated.Queue.Should().Be(QueueName.Escalation);
        var timedOut = (await h.HistoryAsync(execution)).Single(e => e.Type == HistoryEventType.TaskTimedOut);
        timedOut.TaskTimedOutEventDetails!.Error.Should().Be("States.Timeout");

        var ended = await h.RunToEndAsync(execution);

        ended.Status.Should().Be(ExecutionStatus.FAILED);
        ended.Error.Should().Be("ReviewSlaBreached");
        (await h.Store.GetAsync(escalated.Id))!.Status.Should().Be(ReviewStatus.Expired);
        (await h.Audit.ListForTaskAsync(escalated.Id)).Should().Contain(a => a.Action == "workflow-sla-breached");
        h.Events.Recent(10).Should().Contain(e => e.DetailType == "Review SLA Breached");
    }

    [Fact]
    public async Task A_draft_without_an_impression_goes_to_manual_drafting_instead_of_failing()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        h.Faults.Arm(LocalFault.IncompleteDraft, 1);
        var execution = await h.StartCaseAsync(DemoStudies.ChestXray, "invalid-draft");

        var task = await h.WaitForOpenTaskAsync(execution);

        task.DraftLocation.Should().EndWith("/manual-1.md");
        (await h.ReadAsync(task.DraftLocation)).Should().Contain("Manual drafting");
        (await h.HistoryAsync(execution)).Should().Contain(e => e.Type == HistoryEventType.ChoiceStateExited && e.StateExitedEventDetails!.Name == "ValidateDraft");
    }

    [Fact]
    public async Task A_throttled_model_and_a_throttled_imaging_store_are_retried_with_backoff()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        h.Faults.Arm(LocalFault.ModelThrottled, 2);
        h.Faults.Arm(LocalFault.StudyMetadataThrottled, 1);
        var execution = await h.StartCaseAsync(DemoStudies.MriKnee, "throttled");

        var task = await h.WaitForOpenTaskAsync(execution);

        task.DraftLocation.Should().EndWith("/attempt-1.md");
        h.Faults.Remaining(LocalFault.ModelThrottled).Should().Be(0);
        var history = await h.HistoryAsync(execution);
        history.Count(e => e.Type == HistoryEventType.TaskFailed && e.TaskFailedEventDetails!.Error == "MedicalImaging.ThrottlingException").Should().Be(1);
    }

    [Fact]
    public async Task A_publication_that_keeps_failing_is_compensated_and_fails_with_a_named_error()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtHeadStroke, "publication-fails");
        var task = await h.WaitForOpenTaskAsync(execution);
        h.Faults.Arm(LocalFault.PublicationEventRejected, 3);

        await h.ApproveAsync(task);
        var ended = await h.RunToEndAsync(execution);

        ended.Status.Should().Be(ExecutionStatus.FAILED);
        ended.Error.Should().Be("ReportPublicationFailed");
        (await h.ReadAsync("s3://reviewer-portal-reports/reports/RP-1001/publication-fails.md")).Should().StartWith("# REPORT WITHDRAWN");
        (await h.Audit.ListForTaskAsync(task.Id)).Should().Contain(a => a.Action == "workflow-withdrawn");
        h.Events.Recent(10).Should().NotContain(e => e.DetailType == "Report Published");
    }
}
