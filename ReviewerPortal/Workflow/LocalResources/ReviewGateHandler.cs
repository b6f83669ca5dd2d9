using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// The review gate: DynamoDB <c>putItem</c> of a review-task item (usually with <c>.waitForTaskToken</c>), registered
/// in the task store so the task appears in its queue. The item is read exactly as the DynamoDB store reads it.
/// </summary>
/// <remarks>
/// JSONPath intrinsics cannot add a duration to a timestamp, so the gate writes <c>createdAt</c> (the state's entered
/// time) and <c>slaSeconds</c> (its TimeoutSeconds); when the item has no <c>dueAt</c> it is computed from those two.
/// </remarks>
public sealed class ReviewGateHandler(IReviewTaskStore store, IOptions<WorkflowTemplateOptions> templates) : ILocalResourceHandler
{
    private const string Service = "DynamoDB";
    public const string SlaSeconds = "slaSeconds";

    public bool CanHandle(string resource) => resource == ResourceArns.DynamoDbPutItem;

    public async Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        RequireTable(invocation, templates.Value);
        var item = DynamoDbJson.ToItem(invocation.RequiredObject(Service, "Item"));
        AddDueAt(item);
        if (!ReviewTaskItem.TryFromItem(item, out var task, out var error))
        {
            throw new ResourceFailedException($"{Service}.ValidationException", error.Message);
        }

        var stored = await store.RegisterAsync(task, cancellationToken).ConfigureAwait(false);
        var conditional = invocation.OptionalString("ConditionExpression") is not null;
        if (conditional && stored.TaskToken != task.TaskToken)
        {
            // attribute_not_exists(pk): a second gate entry with the same task id must not replace the first.
            throw new ResourceFailedException($"{Service}.ConditionalCheckFailedException", "The conditional request failed.");
        }

        return new JsonObject();
    }

    internal static void RequireTable(ResourceInvocation invocation, WorkflowTemplateOptions options)
    {
        var table = invocation.RequiredString(Service, "TableName");
        if (!string.Equals(table, options.ReviewTasksTable, StringComparison.Ordinal))
        {
            throw new ResourceFailedException($"{Service}.ResourceNotFoundException", $"Requested resource not found: Table: {table} not found.");
        }
    }

    private static void AddDueAt(Dictionary<string, AttributeValue> item)
    {
        if (item.ContainsKey(ReviewTaskAttributes.DueAt)
            || item.GetValueOrDefault(ReviewTaskAttributes.CreatedAt)?.S is not { } created
            || item.GetValueOrDefault(SlaSeconds)?.N is not { } sla
            || !DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt)
            || !long.TryParse(sla, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        item[ReviewTaskAttributes.DueAt] = new AttributeValue
        {
            S = createdAt.AddSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
    }
}
