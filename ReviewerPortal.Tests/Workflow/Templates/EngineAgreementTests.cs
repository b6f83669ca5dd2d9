using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// The same study-review paths on the local engine and on moto's Step Functions server enter the same states and end
/// with the same status and output (<see cref="EngineAgreement"/>). <see cref="MotoStudyReview"/> lists what moto
/// cannot run and what stands in for it; rejections and publication failures are in
/// <see cref="RejectionEngineAgreementTests"/> and <see cref="PublicationFailureEngineAgreementTests"/>. Only a throttled
/// model (draft generation's Bedrock retry) runs on the local engine alone (<see cref="StudyReviewPathTests"/>): moto
/// has no Bedrock integration for Step Functions and no way to make InvokeModel throttle.
/// </summary>
[Trait("Category", "Slow")]
public class EngineAgreementTests
{
    [Fact]
    public async Task Approve_ends_the_same_on_both_engines()
    {
        await using var local = await StudyReviewHarness.StartAsync();
        var localExecution = await local.StartCaseAsync(DemoStudies.CtHeadStroke, "agree-approve");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var draft = await local.ReadAsync(task.DraftLocation);
        await local.ApproveAsync(task);

        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.CtHeadStroke, draft);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.CtHeadStroke, "agree-approve", [draft]);
        await moto.ApproveAsync(await moto.WaitForTaskItemAsync("agree-approve-r1"));

        await EngineAgreement.AgreeAsync(local, localExecution, moto, motoExecution);
        (await moto.ReadReportAsync("reports/RP-1001/agree-approve.md")).Should().Be(ReportProvenance.WithoutDisclaimer(draft)).And.Be(await local.ReadAsync("s3://reviewer-portal-reports/reports/RP-1001/agree-approve.md"));
    }

    [Fact]
    public async Task A_draft_failing_validation_goes_to_manual_drafting_on_both_engines()
    {
        await using var local = await StudyReviewHarness.StartAsync();
        local.Faults.Arm(LocalFault.IncompleteDraft, 1);
        var localExecution = await local.StartCaseAsync(DemoStudies.MriKnee, "agree-manual");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var incomplete = await local.ReadAsync(task.DraftLocation.Replace("/manual-1.md", "/attempt-1.md", StringComparison.Ordinal));
        var completed = (await local.ReadAsync(task.DraftLocation)).Replace(ManualDrafting.Placeholder, "Completed by hand.", StringComparison.Ordinal);
        await local.ApproveAsync(task, completed);

        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.MriKnee, incomplete);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.MriKnee, "agree-manual", [incomplete]);
        var item = await moto.WaitForTaskItemAsync("agree-manual-r1");
        item["draftUri"].S.Should().EndWith("/manual-1.md");
        await moto.ApproveAsync(item, completed);

        await EngineAgreement.AgreeAsync(local, localExecution, moto, motoExecution);
        StudyReviewHarness.Json((await moto.WaitForEndAsync(motoExecution)).Output)["manualDraft"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Heartbeat_expiry_escalates_and_the_escalated_approval_ends_the_same_on_both_engines()
    {
        await using var local = await StudyReviewHarness.StartAsync();
        var localExecution = await local.StartCaseAsync(DemoStudies.CtPulmonaryAngiogram, "agree-escalate");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var draft = await local.ReadAsync(task.DraftLocation);
        local.Time.Advance(TimeSpan.FromMinutes(10));
        await local.ApproveAsync(await local.WaitForOpenTaskAsync(localExecution, except: task.Id));

        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.CtPulmonaryAngiogram, draft);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.CtPulmonaryAngiogram, "agree-escalate", [draft]);
        await moto.WaitForTaskItemAsync("agree-escalate-r1");
        var escalated = await moto.WaitForTaskItemAsync("agree-escalate-e1");
        escalated["queue"].S.Should().Be("escalation");
        await moto.ApproveAsync(escalated);

        await EngineAgreement.AgreeAsync(local, localExecution, moto, motoExecution);
    }

    [Fact]
    public async Task A_hard_timeout_escalates_and_then_fails_as_a_breach_on_both_engines()
    {
        await using var local = await StudyReviewHarness.StartAsync();
        var localExecution = await local.StartCaseAsync(DemoStudies.CtAbdomenAppendicitis, "agree-breach");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var draft = await local.ReadAsync(task.DraftLocation);
        await HoldUntilTheHardLimitAsync(local, localExecution, task);

        // Scaled so that the urgent gate's hard limit is 3 s (heartbeat window 2 s) and the escalation gate's 5 s.
        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.CtAbdomenAppendicitis, draft, timeScale: 1800);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.CtAbdomenAppendicitis, "agree-breach", [draft]);
        var item = await moto.WaitForTaskItemAsync("agree-breach-r1");
        var beating = KeepAliveAsync(moto, item["taskToken"].S);
        await moto.WaitForTaskItemAsync("agree-breach-e1");
        await beating;

        await EngineAgreement.AgreeAsync(local, localExecution, moto, motoExecution);
        (await moto.WaitForEndAsync(motoExecution)).Error.Should().Be("ReviewSlaBreached");
    }

    /// <summary>
    /// A clinician holds the urgent task for an hour, claiming it every 5 minutes (each claim heartbeats the gate): the
    /// gate's 10-minute heartbeat window never lapses, and the gate times out at its 1-hour hard limit. The engine moves
    /// the deadline only when the armed one comes (then to 10 minutes after the last heartbeat, never past the hard
    /// limit), so after each move of the clock that passes it, the test waits for the deadline re-armed there.
    /// </summary>
    private static async Task HoldUntilTheHardLimitAsync(StudyReviewHarness local, string execution, ReviewTask task)
    {
        var scheduled = (await local.HistoryAsync(execution)).Last(e => e.Type == HistoryEventType.TaskScheduled).Timestamp;
        var hardLimit = new DateTimeOffset(scheduled, TimeSpan.Zero).AddHours(1);
        await local.Time.UntilPendingTimersAsync(1);
        var deadline = local.Time.NextDue!.Value;
        for (var minutes = 0; minutes < 60; minutes += 5)
        {
            await local.Decisions.ClaimAsync(task.Id, StudyReviewHarness.Alice);
            var heartbeat = local.Time.GetUtcNow();
            local.Time.Advance(TimeSpan.FromMinutes(5));
            if (deadline <= local.Time.GetUtcNow() && deadline < hardLimit)
            {
                deadline = Min(heartbeat.AddMinutes(10), hardLimit);
                await local.Time.WhenTimerDueAsync(deadline, $"the claim's heartbeat at {heartbeat:HH:mm} kept the gate waiting", TimeSpan.FromSeconds(20));
            }
        }

        local.Time.GetUtcNow().Should().BeOnOrAfter(hardLimit, "the hour of claims reached the gate's hard limit");
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // A clinician holding the task: heartbeats until the gate's hard timeout closes the token. Five a second, so that
    // only a stall of most of the 2 s heartbeat window (a busy CI machine) could let it lapse.
    private static async Task KeepAliveAsync(MotoStudyReview moto, string token)
    {
        for (var i = 0; i < 250; i++)
        {
            try
            {
                await moto.StepFunctions.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = token });
            }
            catch (AmazonStepFunctionsException)
            {
                return;
            }

            await Task.Delay(200);
        }
    }
}
