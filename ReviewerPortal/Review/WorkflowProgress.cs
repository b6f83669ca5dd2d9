using System.Text.Json.Nodes;
using ReviewerPortal.Drafts;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Review;

/// <summary>What the workflow did after a decision, in words for the reviewer.</summary>
/// <param name="NextTaskId">The review task the workflow opened next (a revision or manual draft), if any.</param>
public sealed record WorkflowStep(string Summary, string? ReportUri = null, string? NextTaskId = null, bool Finished = false)
{
    /// <summary>False while the workflow is still working on the decision (nothing published, no next task yet).</summary>
    public bool IsKnown => Finished || NextTaskId is not null;

    /// <summary>What the workflow is doing with a decision it accepted, before it has done it.</summary>
    public static WorkflowStep Pending(ReviewTask decided) => new(decided?.Decision?.Outcome == DecisionOutcome.Rejected
        ? "The workflow is regenerating the draft with your reason."
        : "The workflow is publishing the report.");
}

/// <summary>
/// Follows an execution for a few seconds after a decision to say what happened next: the report published, a
/// revision requested (and which task holds it), or a failure; otherwise that the workflow is still working on it.
/// Following is a courtesy (the decision is already delivered): when Step Functions fails to answer (the client has
/// already retried what is worth retrying), following stops and the page keeps "still working", never an exception.
/// </summary>
public sealed class WorkflowProgress(IAmazonStepFunctions stepFunctions, IReviewTaskStore store, TimeProvider clock)
{
    public async Task<WorkflowStep> AfterDecisionAsync(ReviewTask decided, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            WorkflowStep? step;
            try
            {
                step = await LookAsync(decided, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException or TimeoutException)
            {
                // Looking again every 100 ms for minutes would only add load to a service that is failing.
                return WorkflowStep.Pending(decided);
            }

            if (step is not null || clock.GetUtcNow() >= deadline)
            {
                return step ?? WorkflowStep.Pending(decided);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WorkflowStep?> LookAsync(ReviewTask decided, CancellationToken cancellationToken)
    {
        var execution = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = decided.ExecutionArn }, cancellationToken).ConfigureAwait(false);
        if (execution.Status == ExecutionStatus.SUCCEEDED)
        {
            var output = execution.Output is null ? null : JsonNode.Parse(execution.Output);
            var uri = output?["reportUri"]?.GetValue<string>();
            return new WorkflowStep(uri is null ? "The workflow finished." : $"Published: the final report is at {uri}.", uri, Finished: true);
        }

        if (execution.Status != ExecutionStatus.RUNNING)
        {
            return new WorkflowStep($"The workflow ended with {execution.Status}: {execution.Error}. {execution.Cause}", Finished: true);
        }

        if (await NextTaskAsync(decided, cancellationToken).ConfigureAwait(false) is { } next)
        {
            var kind = ManualDrafting.IsManualDraft(next.DraftLocation) ? "manual drafting" : $"a revised draft (attempt {next.Attempt})";
            var queue = next.Queue.ToString().ToLowerInvariant();
            return new WorkflowStep($"Revision requested: {kind} is waiting in the {queue} queue.", NextTaskId: next.Id);
        }

        return null;
    }

    // The gate states' inputs carry the task id ($.task.id); a later gate entry with another id is the next task.
    private async Task<ReviewTask?> NextTaskAsync(ReviewTask decided, CancellationToken cancellationToken)
    {
        var history = await stepFunctions.GetExecutionHistoryAsync(
            new GetExecutionHistoryRequest { ExecutionArn = decided.ExecutionArn, ReverseOrder = true, MaxResults = 100, IncludeExecutionData = true },
            cancellationToken).ConfigureAwait(false);
        foreach (var entered in history.Events.Where(e => e.Type == HistoryEventType.TaskStateEntered))
        {
            var id = TaskIdOf(entered.StateEnteredEventDetails?.Input);
            if (id is null || id == decided.Id)
            {
                continue;
            }

            if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { IsOpen: true } task)
            {
                return task;
            }
        }

        return null;
    }

    private static string? TaskIdOf(string? input)
    {
        try
        {
            return input is null ? null : JsonNode.Parse(input)?["task"]?["id"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
