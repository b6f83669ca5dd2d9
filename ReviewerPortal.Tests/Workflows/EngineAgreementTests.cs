using System.Text.Json.Nodes;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.StepFunctions.Model;

namespace ReviewerPortal.Tests.Workflows;

/// <summary>
/// The same study-review paths on the local engine and on moto's Step Functions server end with the same status and
/// output. <see cref="MotoStudyReview"/> lists what moto cannot run and what stands in for it. Not compared on moto,
/// and run on the local engine only (<see cref="StudyReviewPathTests"/>):
/// <list type="bullet">
/// <item>reject → revision → approve, and the revision limit: moto 5.2.1 fails the execution with
/// <c>States.Runtime KeyError('RequestId')</c> when a Catch handles a SendTaskFailure on an <c>aws-sdk</c>
/// <c>.waitForTaskToken</c> task (without a Catch the rejection does reach moto: <c>DecisionServiceTests</c>);</item>
/// <item>throttled generation: Bedrock and the nested Express call are unsupported on moto;</item>
/// <item>publication failure: moto's services cannot be told to fail.</item>
/// </list>
/// </summary>
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
        var localEnd = await local.RunToEndAsync(localExecution);

        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.CtHeadStroke, draft);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.CtHeadStroke, "agree-approve", [draft]);
        await ApproveOnMotoAsync(moto, await moto.WaitForTaskItemAsync("agree-approve-r1"));
        var motoEnd = await moto.WaitForEndAsync(motoExecution);

        Agree(localEnd, motoEnd);
        (await moto.ReadReportAsync("reports/RP-1001/agree-approve.md")).Should().Be(draft);
    }

    [Fact]
    public async Task A_draft_failing_validation_goes_to_manual_drafting_on_both_engines()
    {
        await using var local = await StudyReviewHarness.StartAsync();
        local.Faults.Arm(LocalFault.IncompleteDraft, 1);
        var localExecution = await local.StartCaseAsync(DemoStudies.MriKnee, "agree-manual");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var incomplete = await local.ReadAsync(task.DraftLocation.Replace("/manual-1.md", "/attempt-1.md", StringComparison.Ordinal));
        await local.ApproveAsync(task);
        var localEnd = await local.RunToEndAsync(localExecution);

        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.MriKnee, incomplete);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.MriKnee, "agree-manual", [incomplete]);
        var item = await moto.WaitForTaskItemAsync("agree-manual-r1");
        item["draftUri"].S.Should().EndWith("/manual-1.md");
        await ApproveOnMotoAsync(moto, item);

        Agree(localEnd, await moto.WaitForEndAsync(motoExecution));
        StudyReviewHarness.Json(localEnd.Output)["manualDraft"]!.GetValue<bool>().Should().BeTrue();
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
        var localEnd = await local.RunToEndAsync(localExecution);

        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.CtPulmonaryAngiogram, draft);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.CtPulmonaryAngiogram, "agree-escalate", [draft]);
        await moto.WaitForTaskItemAsync("agree-escalate-r1");
        var escalated = await moto.WaitForTaskItemAsync("agree-escalate-e1");
        escalated["queue"].S.Should().Be("escalation");
        await ApproveOnMotoAsync(moto, escalated);

        Agree(localEnd, await moto.WaitForEndAsync(motoExecution));
    }

    [Fact]
    public async Task A_hard_timeout_escalates_and_then_fails_as_a_breach_on_both_engines()
    {
        await using var local = await StudyReviewHarness.StartAsync();
        var localExecution = await local.StartCaseAsync(DemoStudies.CtAbdomenAppendicitis, "agree-breach");
        var task = await local.WaitForOpenTaskAsync(localExecution);
        var draft = await local.ReadAsync(task.DraftLocation);
        for (var minutes = 0; minutes < 60; minutes += 5)
        {
            await local.Decisions.ClaimAsync(task.Id, StudyReviewHarness.Alice);
            local.Time.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(20);
        }

        var localEnd = await local.RunToEndAsync(localExecution);

        await using var moto = await MotoStudyReview.StartAsync(DemoStudies.CtAbdomenAppendicitis, draft);
        var motoExecution = await moto.StartCaseAsync(DemoStudies.CtAbdomenAppendicitis, "agree-breach", [draft]);
        var item = await moto.WaitForTaskItemAsync("agree-breach-r1");
        var beating = KeepAliveAsync(moto, item["taskToken"].S);
        await moto.WaitForTaskItemAsync("agree-breach-e1");
        await beating;

        Agree(localEnd, await moto.WaitForEndAsync(motoExecution));
        localEnd.Error.Should().Be("ReviewSlaBreached");
    }

    // A clinician holding the task: heartbeats until the gate's hard timeout closes the token.
    private static async Task KeepAliveAsync(MotoStudyReview moto, string token)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await moto.StepFunctions.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = token });
            }
            catch (AmazonStepFunctionsException)
            {
                return;
            }

            await Task.Delay(500);
        }
    }

    private static Task<SendTaskSuccessResponse> ApproveOnMotoAsync(MotoStudyReview moto, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> item)
    {
        var draftUri = item["draftUri"].S;
        var decision = new Decision
        {
            Outcome = DecisionOutcome.Approved,
            Reviewer = StudyReviewHarness.Alice,
            DecidedAt = DateTimeOffset.UtcNow,
            FinalReportLocation = draftUri,
            DraftSha256 = "n/a",
            FinalSha256 = "n/a",
            Attestation = "I reviewed the images and this report.",
        };
        return moto.StepFunctions.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = item[ReviewerPortal.Review.ReviewTaskAttributes.TaskToken].S, Output = DecisionPayload.ApprovalOutput(decision) });
    }

    private static void Agree(DescribeExecutionResponse local, DescribeExecutionResponse moto)
    {
        moto.Status.Should().Be(local.Status, $"moto ended {moto.Status} {moto.Error} {moto.Cause}");
        moto.Error.Should().Be(local.Error);
        JsonNode.DeepEquals(JsonNode.Parse(local.Output ?? "null"), JsonNode.Parse(moto.Output ?? "null"))
            .Should().BeTrue($"outputs differ:\nlocal {local.Output}\nmoto  {moto.Output}");
    }
}
