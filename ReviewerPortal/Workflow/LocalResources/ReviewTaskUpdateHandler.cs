using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReviewerPortal.Audit;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Review;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// DynamoDB <c>updateItem</c> on a review-task item, as the templates use it: closing a timed-out or breached task
/// (status EXPIRED, openQueue removed, version incremented) and recording what the workflow did with it (published, withdrawn) in the
/// task's audit trail. Updates outside that vocabulary are refused, so a template change cannot silently do nothing.
/// </summary>
public sealed class ReviewTaskUpdateHandler(IReviewTaskStore store, IAuditTrail audit, IOptions<WorkflowTemplateOptions> templates, TimeProvider clock)
    : ILocalResourceHandler
{
    private const string Service = "DynamoDB";
    private const string WorkflowOutcome = "workflowOutcome";
    private const string ClosedReason = "closedReason";
    private const string ReportUri = "reportUri";

    public bool CanHandle(string resource) => resource == ResourceArns.DynamoDbUpdateItem;

    public async Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ReviewGateHandler.RequireTable(invocation, templates.Value);
        var taskId = TaskIdOf(invocation.RequiredObject(Service, "Key"));
        var update = UpdateExpression.Parse(
            invocation.RequiredString(Service, "UpdateExpression"),
            invocation.Parameters?["ExpressionAttributeNames"] as JsonObject,
            invocation.Parameters?["ExpressionAttributeValues"] as JsonObject);

        var unknown = update.Set.Keys.Concat(update.Remove)
            .Where(n => n is not (ReviewTaskAttributes.Status or ReviewTaskAttributes.OpenQueue or WorkflowOutcome or ClosedReason or ReportUri))
            .Concat(update.Add.Where(a => a.Key != ReviewTaskAttributes.Version || a.Value != 1).Select(a => $"ADD {a.Key} {a.Value}"))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new ResourceFailedException($"{Service}.ValidationException", "The local review-task table cannot update: " + string.Join(", ", unknown));
        }

        if (await store.GetAsync(taskId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ResourceFailedException($"{Service}.ConditionalCheckFailedException", "No review task has this key.");
        }

        if (update.Set.TryGetValue(ReviewTaskAttributes.Status, out var status))
        {
            if (status != "EXPIRED")
            {
                throw new ResourceFailedException($"{Service}.ValidationException", "Workflows may only set a review task's status to EXPIRED.");
            }

            if (!update.Add.ContainsKey(ReviewTaskAttributes.Version))
            {
                // Without it a portal write holding the previous version would still pass its version check on AWS.
                throw new ResourceFailedException($"{Service}.ValidationException", "Closing a review task must also ADD version :one.");
            }

            // Already decided or expired: the task is closed either way, which is what the workflow asks for.
            await store.MarkExpiredAsync(taskId, update.Set.GetValueOrDefault(ClosedReason) ?? "closed by the workflow", cancellationToken)
                .ConfigureAwait(false);
        }

        if (update.Set.TryGetValue(WorkflowOutcome, out var outcome))
        {
            await audit.AppendAsync(
                new AuditEntry(taskId, clock.GetUtcNow(), "workflow", "Study review workflow", "workflow-" + outcome, update.Set.GetValueOrDefault(ReportUri)),
                cancellationToken).ConfigureAwait(false);
        }

        return new JsonObject();
    }

    private static string TaskIdOf(JsonObject key)
    {
        var pk = key[ReviewTaskAttributes.PartitionKey]?["S"]?.GetValue<string>();
        var sk = key[ReviewTaskAttributes.SortKey]?["S"]?.GetValue<string>();
        return pk is not null && pk.StartsWith(ReviewTaskAttributes.TaskPartitionPrefix, StringComparison.Ordinal) && sk == ReviewTaskAttributes.TaskSortKey
            ? pk[ReviewTaskAttributes.TaskPartitionPrefix.Length..]
            : throw new ResourceFailedException($"{Service}.ValidationException", "Key must be a review task's key (pk = TASK#id, sk = TASK).");
    }
}
