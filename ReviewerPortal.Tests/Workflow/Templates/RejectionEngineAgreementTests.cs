using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// A clinician's rejection (SendTaskFailure ClinicianRejected with the reason as its cause) on the local engine and on
/// moto: the revision, its review task and the revision limit agree (<see cref="EngineAgreement"/>).
/// </summary>
[Trait("Category", "Slow")]
public class RejectionEngineAgreementTests
{
    private const string Reason = "Compare with the prior radiograph from 2024.";

    [Fact]
    public async Task A_rejection_brings_a_revision_with_the_reason_back_for_review_and_its_approval_publishes_it_on_both_engines()
    {
        var study = DemoStudies.ChestXray;
        await using var local = await StudyReviewHarness.StartAsync();
        var localExecution = await local.StartCaseAsync(study, "agree-revise");
        var first = await local.WaitForOpenTaskAsync(localExecution);
        var firstDraft = await local.ReadAsync(first.DraftLocation);
        await local.RejectAsync(first, Reason);
        var revision = await local.WaitForOpenTaskAsync(localExecution, except: first.Id);
        var revisedDraft = await local.ReadAsync(revision.DraftLocation);
        await local.ApproveAsync(revision);

        await using var moto = await MotoStudyReview.StartAsync(study, firstDraft);
        var motoExecution = await moto.StartCaseAsync(study, "agree-revise", [firstDraft, revisedDraft]);
        var motoFirst = await moto.WaitForTaskItemAsync("agree-revise-r1");
        await moto.RejectAsync(motoFirst, Reason);
        var motoRevision = await moto.WaitForTaskItemAsync("agree-revise-r2");
        await moto.ApproveAsync(motoRevision);

        await EngineAgreement.AgreeAsync(local, localExecution, moto, motoExecution);
        revision.Attempt.Should().Be(2);
        motoRevision[ReviewTaskAttributes.Attempt].N.Should().Be("2");
        motoRevision["revisionReason"].S.Should().Be(Reason);
        motoRevision[ReviewTaskAttributes.Queue].S.Should().Be("routine").And.Be(revision.Queue.ToString().ToLowerInvariant());
        motoRevision[ReviewTaskAttributes.DraftUri].S.Should().Be(revision.DraftLocation);
        revisedDraft.Should().Contain(Reason);

        // The revision is a new gate item written at the redraft's time, yet it carries the case's original arrival.
        first.FirstArrivedAt.Should().NotBeNull();
        revision.FirstArrivedAt.Should().Be(first.FirstArrivedAt);
        // On or after: the local harness's clock moves only to timers, and moto's times have whole seconds.
        revision.CreatedAt.Should().BeOnOrAfter(revision.ArrivedAt);
        var motoArrival = ReviewTaskItem.FromItem(motoRevision);
        motoArrival.FirstArrivedAt.Should().NotBeNull().And.Be(ReviewTaskItem.FromItem(motoFirst).FirstArrivedAt);
        motoArrival.CreatedAt.Should().BeOnOrAfter(motoArrival.ArrivedAt);
        var report = $"reports/{study.CaseId}/agree-revise.md";
        (await moto.ReadReportAsync(report)).Should().Be(await local.ReadAsync("s3://reviewer-portal-reports/" + report)).And.Be(ReportProvenance.WithoutDisclaimer(revisedDraft));
    }

    [Fact]
    public async Task After_three_rejected_drafts_the_radiologist_drafts_by_hand_on_both_engines()
    {
        var study = DemoStudies.MriLumbarSpine;
        await using var local = await StudyReviewHarness.StartAsync();
        var localExecution = await local.StartCaseAsync(study, "agree-limit");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var drafts = new List<string>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            drafts.Add(await local.ReadAsync(task.DraftLocation));
            await local.RejectAsync(task, $"Attempt {attempt} is not acceptable.");
            task = await local.WaitForOpenTaskAsync(localExecution, except: task.Id);
        }

        var skeleton = await local.ReadAsync(task.DraftLocation);
        var completed = skeleton.Replace("[To be completed by the reporting radiologist.]", "Completed by hand.", StringComparison.Ordinal);
        await local.ApproveAsync(task, completed);

        await using var moto = await MotoStudyReview.StartAsync(study, drafts[0]);
        var motoExecution = await moto.StartCaseAsync(study, "agree-limit", drafts);
        var item = await moto.WaitForTaskItemAsync("agree-limit-r1");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await moto.RejectAsync(item, $"Attempt {attempt} is not acceptable.");
            item = await moto.WaitForTaskItemAsync($"agree-limit-r{attempt + 1}");
        }

        item[ReviewTaskAttributes.DraftUri].S.Should().Be(task.DraftLocation).And.EndWith("/manual-4.md");
        item["manualDraft"].BOOL.Should().BeTrue();
        (await moto.ReadDraftAsync($"drafts/{study.CaseId}/agree-limit/manual-4.md")).Should().Be(skeleton);
        await moto.ApproveAsync(item, completed);

        await EngineAgreement.AgreeAsync(local, localExecution, moto, motoExecution);
        (await moto.ReadReportAsync($"reports/{study.CaseId}/agree-limit.md")).Should().Be(completed);
    }
}
