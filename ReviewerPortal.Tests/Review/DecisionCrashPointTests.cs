using Microsoft.Extensions.Logging.Abstractions;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Review;

/// <summary>
/// The crash point the drill found (case drill-44-r1): the portal's decision was acknowledged by the engine, spending
/// the token, and the process died before the gate's end reached the execution history. After the restart the
/// reconciler resends, hears "token closed", and must not read that as the gate having expired.
/// </summary>
[Trait("Category", "Slow")]
public class DecisionCrashPointTests
{
    private static readonly Reviewer Alice = new("alice-oid", "Dr Alice Reid");

    [Fact]
    public async Task A_decision_that_landed_before_its_history_caught_up_is_finished_as_decided_not_expired()
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (task, execution) = await gate.OpenTaskAsync("lag-1");
        var decision = new Decision
        {
            Outcome = DecisionOutcome.Approved,
            Reviewer = Alice,
            DecidedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            FinalReportLocation = task.DraftLocation,
            DraftSha256 = "d",
            FinalSha256 = "d",
            Attestation = "Reviewed.",
        };
        await gate.Store.ClaimAsync(task.Id, Alice, DateTimeOffset.UtcNow.AddMinutes(10));
        (await gate.Store.RecordDecisionAsync(task.Id, decision)).Applied.Should().BeTrue();
        var (lagging, history) = LaggingHistory.Over(gate.StepFunctions);
        await history.HoldBackAsync(execution);

        // The delivery that landed just before the SIGKILL.
        await gate.StepFunctions.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = task.TaskToken, Output = DecisionPayload.ApprovalOutput(decision) });
        // Ended, so the server answers a reuse of the token as closed (moto accepts one while the execution runs).
        (await gate.WaitForEndAsync(execution)).Status.Should().Be(ExecutionStatus.SUCCEEDED);
        var reconciler = Reconciler(gate, lagging);

        (await reconciler.ReconcileOnceAsync(CancellationToken.None)).Should().Be(0, "nothing can be concluded while the history lags");
        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Deciding, "a spent token alone does not tell our decision from a timeout");

        history.CatchUp(execution);
        (await reconciler.ReconcileOnceAsync(CancellationToken.None)).Should().Be(1);
        (await gate.Store.GetAsync(task.Id))!.Status.Should().Be(ReviewStatus.Decided);
    }

    private static DecisionReconciler Reconciler(MotoReviewGate gate, ReviewerPortal.StepFunctions.IAmazonStepFunctions stepFunctions) => new(
        gate.Store,
        new GateOutcome(stepFunctions),
        new DecisionDelivery(stepFunctions, gate.Store, TimeProvider.System, NullLogger<DecisionDelivery>.Instance),
        Microsoft.Extensions.Options.Options.Create(gate.Options),
        TimeProvider.System,
        NullLogger<DecisionReconciler>.Instance);
}
