using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Review;

/// <summary>
/// Issue 10's race proof: 250 tasks, four reviewers deciding each at once (each claims, then approves or rejects, as
/// the review page does), on the SQLite store and on DynamoDB (moto), with moto's Step Functions as the engine. Exactly
/// one decision per task reaches the engine, and every loser is told who holds or decided the case.
/// </summary>
[Trait("Category", "Slow")]
public class DecisionRaceTests
{
    private const int Tasks = 250;
    private const int DecidersPerTask = 4;
    private const int RacingTasks = 25;

    [Fact]
    public Task Four_deciders_per_task_on_sqlite_leave_exactly_one_decision_per_task_at_the_engine() =>
        RaceAsync(gate => (gate.Store, gate.Audit), "sq");

    [Fact]
    public Task Four_deciders_per_task_on_dynamodb_leave_exactly_one_decision_per_task_at_the_engine() =>
        RaceAsync(gate => (gate.DynamoStore(), gate.DynamoAudit()), "dy");

    private static async Task RaceAsync(Func<MotoReviewGate, (IReviewTaskStore Tasks, IAuditTrail Audit)> storeOf, string prefix)
    {
        await using var gate = await MotoReviewGate.StartAsync();
        var (store, audit) = storeOf(gate);
        var opened = new List<(ReviewTask Task, string Execution)>();
        foreach (var batch in Enumerable.Range(0, Tasks).Chunk(25))
        {
            opened.AddRange(await Task.WhenAll(batch.Select(i => gate.OpenTaskAsync($"{prefix}-race-{i}"))));
        }

        var reviewers = Enumerable.Range(0, DecidersPerTask).Select(i => new Reviewer($"rev-{i}", $"Dr Racer {i}")).ToArray();
        // Each task's four deciders race at once; tasks race in rounds of RacingTasks, so one moto process (one lock over
        // all of DynamoDB, one Python thread at a time) is not asked for 1,000 answers at the same moment.
        var results = new List<(ReviewTask Task, string Execution, (Reviewer Reviewer, DecisionResult Result)[] Results)>();
        foreach (var round in opened.Chunk(RacingTasks))
        {
            results.AddRange(await Task.WhenAll(round.Select(o => Task.Run(async () =>
            {
                var attempts = reviewers.Select((reviewer, i) => Task.Run(() => DecideAsync(gate.Decisions(store), o.Task.Id, reviewer, approve: i % 2 == 0)));
                return (o.Task, o.Execution, Results: await Task.WhenAll(attempts));
            }))));
        }

        foreach (var (task, execution, attempts) in results)
        {
            var winners = attempts.Where(a => a.Result.Kind == DecisionResultKind.Delivered).ToList();
            winners.Should().ContainSingle($"exactly one decider wins {task.Id}");
            var winner = winners[0].Reviewer;
            attempts.Where(a => a.Reviewer != winner).Should().OnlyContain(
                a => a.Result.Message.Contains(winner.DisplayName, StringComparison.Ordinal), $"every loser on {task.Id} is told who holds or decided it");
            (await audit.ListForTaskAsync(task.Id)).Count(e => e.Action == "decided").Should().Be(1);
        }

        foreach (var (_, execution, _) in results)
        {
            var history = (await gate.StepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = execution, MaxResults = 1000 })).Events;
            history.Count(e => e.Type == HistoryEventType.TaskSucceeded || e.Type == HistoryEventType.TaskFailed)
                .Should().Be(1, "one decision, and only one, reached the engine for " + execution);
        }
    }

    private static async Task<(Reviewer Reviewer, DecisionResult Result)> DecideAsync(DecisionService decisions, string taskId, Reviewer reviewer, bool approve)
    {
        var claim = await decisions.ClaimAsync(taskId, reviewer);
        if (!claim.Succeeded)
        {
            // The page would show the claim's answer; a decision sent anyway must be refused by the store.
            var refused = approve
                ? await decisions.ApproveAsync(new ApprovalRequest(taskId, reviewer, null, "Reviewed."))
                : await decisions.RejectAsync(new RejectionRequest(taskId, reviewer, "Racing rejection."));
            return (reviewer, refused.Kind == DecisionResultKind.Delivered ? refused : claim);
        }

        var result = approve
            ? await decisions.ApproveAsync(new ApprovalRequest(taskId, reviewer, null, "Reviewed."))
            : await decisions.RejectAsync(new RejectionRequest(taskId, reviewer, "Racing rejection."));
        return (reviewer, result);
    }
}
