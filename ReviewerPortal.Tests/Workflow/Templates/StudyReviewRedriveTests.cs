using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// A study-review stopped while it waits at its gate and then redriven: the gate's item exists already, so the gate
/// opens a fresh task keyed with the redrive count, which the clinician sees in the queue and approves to publication.
/// </summary>
public class StudyReviewRedriveTests
{
    [Fact]
    public async Task A_review_stopped_at_its_gate_and_redriven_opens_a_fresh_task_that_an_approval_publishes()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtHeadStroke, "stopped-at-gate");
        var stranded = await h.WaitForOpenTaskAsync(execution);
        await h.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = execution, Error = "Paused", Cause = "paused by an operator" });
        (await h.Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = execution })).Status.Should().Be(ExecutionStatus.ABORTED);

        await h.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = execution });
        var fresh = await h.WaitForOpenTaskAsync(execution, except: stranded.Id);

        stranded.Id.Should().Be("stopped-at-gate-r1");
        fresh.Id.Should().Be("stopped-at-gate-r1-redrive1");
        fresh.Queue.Should().Be(QueueName.Urgent);
        fresh.CaseId.Should().Be(stranded.CaseId);
        fresh.Attempt.Should().Be(stranded.Attempt);
        fresh.TaskToken.Should().NotBe(stranded.TaskToken, "the redriven gate waits on a new token");
        (await h.ApproveAsync(fresh)).Kind.Should().Be(DecisionResultKind.Delivered);
        var ended = await h.RunToEndAsync(execution);

        ended.Status.Should().Be(ExecutionStatus.SUCCEEDED, ended.Cause);
        ended.RedriveCount.Should().Be(1);
        var output = StudyReviewHarness.Json(ended.Output);
        output["outcome"]!.GetValue<string>().Should().Be("published");
        (await h.Store.GetAsync(fresh.Id))!.Status.Should().Be(ReviewStatus.Decided);
        h.Events.Recent(10).Should().ContainSingle(e => e.DetailType == "Report Published");
        var history = await h.HistoryAsync(execution);
        history.Count(e => e.Type == "TaskStateEntered" && e.StateEnteredEventDetails!.Name == "FetchStudyMetadata").Should().Be(1, "what succeeded before the stop is not run again");
    }

    [Fact]
    public async Task A_review_stopped_at_its_escalation_gate_and_redriven_opens_a_fresh_escalation_task()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtHeadStroke, "stopped-at-escalation");
        var first = await h.WaitForOpenTaskAsync(execution);
        h.Time.Advance(TimeSpan.FromMinutes(11));
        var escalation = await h.WaitForOpenTaskAsync(execution, except: first.Id);
        await h.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = execution });

        await h.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = execution });
        var fresh = await WaitForTaskAsync(h, execution, "stopped-at-escalation-e1-redrive1");

        escalation.Id.Should().Be("stopped-at-escalation-e1");
        escalation.Queue.Should().Be(QueueName.Escalation);
        fresh.Queue.Should().Be(QueueName.Escalation);
        (await h.ApproveAsync(fresh)).Kind.Should().Be(DecisionResultKind.Delivered);
        (await h.RunToEndAsync(execution)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
    }

    [Fact]
    public async Task A_review_stopped_at_its_gate_again_after_a_redrive_is_rekeyed_for_the_second_redrive()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtHeadStroke, "stopped-twice");
        await h.WaitForOpenTaskAsync(execution);
        await h.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = execution });
        await h.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = execution });
        await WaitForTaskAsync(h, execution, "stopped-twice-r1-redrive1");
        await h.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = execution });

        await h.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = execution });
        var second = await WaitForTaskAsync(h, execution, "stopped-twice-r1-redrive2");

        (await h.ApproveAsync(second)).Kind.Should().Be(DecisionResultKind.Delivered);
        (await h.RunToEndAsync(execution)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
    }

    [Fact]
    public async Task A_rekeyed_task_id_held_by_another_item_fails_the_review_instead_of_rekeying_again()
    {
        await using var h = await StudyReviewHarness.StartAsync();
        var execution = await h.StartCaseAsync(DemoStudies.CtHeadStroke, "key-taken");
        await h.WaitForOpenTaskAsync(execution);
        await h.Api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = execution });
        await h.Store.RegisterAsync(ReviewerPortal.Tests.Storage.StoredTasks.Pending("key-taken-r1-redrive1", h.Time.GetUtcNow()));

        await h.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = execution });
        var ended = await h.RunToEndAsync(execution);

        ended.Status.Should().Be(ExecutionStatus.FAILED);
        ended.Error.Should().Be("ReviewTaskKeyTaken");
        var history = await h.HistoryAsync(execution);
        history.Count(e => e.Type == "PassStateEntered" && e.StateEnteredEventDetails!.Name == "RekeyReviewTask").Should().Be(1, "the gate is re-keyed once, not until the history limit");
    }

    private static async Task<ReviewTask> WaitForTaskAsync(StudyReviewHarness h, string execution, string id)
    {
        // The stopped gates' tasks stay listed until the portal's gate check closes them: wait for the fresh one by id.
        for (var i = 0; i < 1000; i++)
        {
            if (await h.Store.GetAsync(id) is { ExecutionArn: var arn } open && arn == execution)
            {
                return open;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"No task {id} opened.");
    }
}
