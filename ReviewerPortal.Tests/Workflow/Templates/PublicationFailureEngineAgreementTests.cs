using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// EventBridge refusing the publication event, on the local engine (an armed fault) and on moto (the event bus is
/// gone): the retries, the withdrawal that compensates and the named failure agree (<see cref="EngineAgreement"/>).
/// </summary>
[Trait("Category", "Slow")]
public class PublicationFailureEngineAgreementTests
{
    [Fact]
    public async Task A_publication_event_that_keeps_failing_withdraws_the_report_and_fails_the_same_on_both_engines()
    {
        var study = DemoStudies.CtHeadStroke;
        await using var local = await StudyReviewHarness.StartAsync();
        var localExecution = await local.StartCaseAsync(study, "agree-withdraw");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var draft = await local.ReadAsync(task.DraftLocation);
        local.Faults.Arm(LocalFault.PublicationEventRejected, 3);
        await local.ApproveAsync(task);

        await using var moto = await MotoStudyReview.StartAsync(study, draft);
        var motoExecution = await moto.StartCaseAsync(study, "agree-withdraw", [draft]);
        var item = await moto.WaitForTaskItemAsync("agree-withdraw-r1");
        await moto.RemoveEventBusAsync();
        await moto.ApproveAsync(item);

        await EngineAgreement.AgreeAsync(local, localExecution, moto, motoExecution);
        (await moto.WaitForEndAsync(motoExecution)).Error.Should().Be("ReportPublicationFailed");
        var report = $"reports/{study.CaseId}/agree-withdraw.md";
        (await moto.ReadReportAsync(report)).Should().StartWith("# REPORT WITHDRAWN").And.Be(await local.ReadAsync("s3://reviewer-portal-reports/" + report));
        (await moto.WaitForTaskItemAsync("agree-withdraw-r1"))["workflowOutcome"].S.Should().Be("withdrawn");
        (await local.Audit.ListForTaskAsync(task.Id)).Should().Contain(a => a.Action == "workflow-withdrawn");
    }
}
