using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Files;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.LocalResources;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Workflow.LocalResources;

/// <summary>The review gate, task updates and S3 calls land in the real SQLite task store and draft folder.</summary>
public sealed class StoreHandlerTests : IDisposable
{
    private readonly TempDirectory _folder = new("loop-store-handlers");
    private readonly FakeTimeProvider _clock = new();
    private readonly SqliteReviewTaskStore _store;
    private readonly SqliteAuditTrail _audit;
    private readonly FolderDraftStore _drafts;
    private readonly IOptions<WorkflowTemplateOptions> _templates = Options.Create(new WorkflowTemplateOptions());

    public StoreHandlerTests()
    {
        var database = new SqliteDatabase(_folder.File("tasks.db"));
        _store = new SqliteReviewTaskStore(database, new ReviewTaskChanges(), _clock);
        _audit = new SqliteAuditTrail(database);
        _drafts = new FolderDraftStore(_folder.File("objects"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static ResourceInvocation Call(string resource, string json, string? token = null) =>
        new(resource, JsonNode.Parse(json), token, "arn:aws:states:us-east-1:000000000000:execution:study-review:case-1", "UrgentReview");

    private static string GateItem(string taskId) => $$$$"""
        {"TableName":"reviewer-portal-tasks","ConditionExpression":"attribute_not_exists(pk)","Item":{
          "pk":{"S":"TASK#{{{{taskId}}}}"},"sk":{"S":"TASK"},"taskId":{"S":"{{{{taskId}}}}"},"taskToken":{"S":"token-{{{{taskId}}}}"},
          "executionArn":{"S":"arn:aws:states:us-east-1:000000000000:execution:study-review:case-1"},"caseId":{"S":"CASE-1"},
          "studyDescription":{"S":"CT HEAD WITHOUT CONTRAST"},"modality":{"S":"CT"},"urgency":{"S":"urgent"},
          "queue":{"S":"urgent"},"openQueue":{"S":"urgent"},"draftUri":{"S":"s3://reviewer-portal-drafts/drafts/CASE-1/a.md"},
          "createdAt":{"S":"2026-11-22T09:00:00.000Z"},"slaSeconds":{"N":"3600"},"attempt":{"N":"2"},
          "status":{"S":"PENDING"},"version":{"N":"1"}}}
        """;

    [Fact]
    public async Task The_review_gate_puts_the_task_in_its_queue_with_the_due_time_from_its_sla()
    {
        var gate = new ReviewGateHandler(_store, _templates);
        await gate.InvokeAsync(Call(ResourceArns.DynamoDbPutItem, GateItem("case-1-r2"), "token-case-1-r2"), CancellationToken.None);

        var queue = await _store.ListOpenAsync(QueueName.Urgent, 10, null);
        var task = queue.Items.Should().ContainSingle().Subject;
        task.Id.Should().Be("case-1-r2");
        task.TaskToken.Should().Be("token-case-1-r2");
        task.Attempt.Should().Be(2);
        task.DueAt.Should().Be(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_second_gate_entry_with_the_same_task_id_fails_its_condition_and_keeps_the_first()
    {
        var gate = new ReviewGateHandler(_store, _templates);
        await gate.InvokeAsync(Call(ResourceArns.DynamoDbPutItem, GateItem("case-1-r1")), CancellationToken.None);
        var second = GateItem("case-1-r1").Replace("\"token-case-1-r1\"", "\"another-token\"", StringComparison.Ordinal);

        var act = () => gate.InvokeAsync(Call(ResourceArns.DynamoDbPutItem, second), CancellationToken.None);

        (await act.Should().ThrowAsync<ResourceFailedException>()).Which.Error.Should().Be("DynamoDB.ConditionalCheckFailedException");
        (await _store.GetAsync("case-1-r1"))!.TaskToken.Should().Be("token-case-1-r1");
    }

    [Fact]
    public async Task A_malformed_gate_item_is_refused_with_the_fields_named_and_nothing_stored()
    {
        var gate = new ReviewGateHandler(_store, _templates);
        var bad = GateItem("case-1-r1").Replace("\"urgency\":{\"S\":\"urgent\"}", "\"urgency\":{\"S\":\"soon\"}", StringComparison.Ordinal);

        var act = () => gate.InvokeAsync(Call(ResourceArns.DynamoDbPutItem, bad), CancellationToken.None);

        (await act.Should().ThrowAsync<ResourceFailedException>()).Which.Cause.Should().Contain("urgency");
        (await _store.GetAsync("case-1-r1")).Should().BeNull();
    }

    [Fact]
    public async Task A_timeout_update_closes_the_task_and_a_publication_update_lands_in_its_audit_trail()
    {
        await new ReviewGateHandler(_store, _templates).InvokeAsync(Call(ResourceArns.DynamoDbPutItem, GateItem("case-1-r1")), CancellationToken.None);
        var update = new ReviewTaskUpdateHandler(_store, _audit, _templates, _clock);
        var opened = (await _store.GetAsync("case-1-r1"))!;

        await update.InvokeAsync(Call(ResourceArns.DynamoDbUpdateItem, """
            {"TableName":"reviewer-portal-tasks","Key":{"pk":{"S":"TASK#case-1-r1"},"sk":{"S":"TASK"}},
             "UpdateExpression":"SET #status = :expired, closedReason = :reason REMOVE openQueue ADD version :one",
             "ExpressionAttributeNames":{"#status":"status"},
             "ExpressionAttributeValues":{":expired":{"S":"EXPIRED"},":reason":{"S":"States.HeartbeatTimeout"},":one":{"N":"1"}}}
            """), CancellationToken.None);
        await update.InvokeAsync(Call(ResourceArns.DynamoDbUpdateItem, """
            {"TableName":"reviewer-portal-tasks","Key":{"pk":{"S":"TASK#case-1-r1"},"sk":{"S":"TASK"}},
             "UpdateExpression":"SET workflowOutcome = :outcome, reportUri = :uri",
             "ExpressionAttributeValues":{":outcome":{"S":"published"},":uri":{"S":"s3://reports/r.md"}}}
            """), CancellationToken.None);

        var closed = (await _store.GetAsync("case-1-r1"))!;
        closed.Status.Should().Be(ReviewStatus.Expired);
        closed.Version.Should().Be(opened.Version + 1, "a portal write still holding the open task's version must fail");
        (await _store.ListOpenAsync(QueueName.Urgent, 10, null)).Items.Should().BeEmpty();
        (await _audit.ListForTaskAsync("case-1-r1")).Should().Contain(a => a.Action == "workflow-published" && a.Detail == "s3://reports/r.md");
    }

    [Fact]
    public async Task An_update_outside_the_templates_vocabulary_is_refused()
    {
        await new ReviewGateHandler(_store, _templates).InvokeAsync(Call(ResourceArns.DynamoDbPutItem, GateItem("case-1-r1")), CancellationToken.None);
        var act = () => new ReviewTaskUpdateHandler(_store, _audit, _templates, _clock).InvokeAsync(Call(ResourceArns.DynamoDbUpdateItem, """
            {"TableName":"reviewer-portal-tasks","Key":{"pk":{"S":"TASK#case-1-r1"},"sk":{"S":"TASK"}},
             "UpdateExpression":"SET taskToken = :t","ExpressionAttributeValues":{":t":{"S":"stolen"}}}
            """), CancellationToken.None);

        (await act.Should().ThrowAsync<ResourceFailedException>()).Which.Cause.Should().Contain("taskToken");
    }

    [Fact]
    public async Task Closing_a_task_without_incrementing_its_version_is_refused_and_leaves_it_open()
    {
        await new ReviewGateHandler(_store, _templates).InvokeAsync(Call(ResourceArns.DynamoDbPutItem, GateItem("case-1-r1")), CancellationToken.None);
        var act = () => new ReviewTaskUpdateHandler(_store, _audit, _templates, _clock).InvokeAsync(Call(ResourceArns.DynamoDbUpdateItem, """
            {"TableName":"reviewer-portal-tasks","Key":{"pk":{"S":"TASK#case-1-r1"},"sk":{"S":"TASK"}},
             "UpdateExpression":"SET #status = :expired REMOVE openQueue",
             "ExpressionAttributeNames":{"#status":"status"},"ExpressionAttributeValues":{":expired":{"S":"EXPIRED"}}}
            """), CancellationToken.None);

        (await act.Should().ThrowAsync<ResourceFailedException>()).Which.Cause.Should().Contain("ADD version :one");
        (await _store.GetAsync("case-1-r1"))!.Status.Should().Be(ReviewStatus.Pending);
    }

    [Fact]
    public async Task S3_put_head_get_and_copy_work_on_the_draft_folder()
    {
        var s3 = new S3ObjectHandler(_drafts, _clock);
        await s3.InvokeAsync(Call(ResourceArns.S3PutObject, """{"Bucket":"reviewer-portal-drafts","Key":"drafts/c/a.md","Body":"# Draft\n\n## FINDINGS\nok","ContentType":"text/markdown"}"""), CancellationToken.None);

        var head = await s3.InvokeAsync(Call(ResourceArns.S3HeadObject, """{"Bucket":"reviewer-portal-drafts","Key":"drafts/c/a.md"}"""), CancellationToken.None);
        head!["ContentLength"]!.GetValue<long>().Should().Be(23);
        await s3.InvokeAsync(Call(ResourceArns.S3CopyObject, """{"Bucket":"reviewer-portal-reports","Key":"reports/c.md","CopySource":"reviewer-portal-drafts/drafts/c/a.md"}"""), CancellationToken.None);
        var copy = await s3.InvokeAsync(Call(ResourceArns.S3GetObject, """{"Bucket":"reviewer-portal-reports","Key":"reports/c.md"}"""), CancellationToken.None);

        copy!["Body"]!.GetValue<string>().Should().Be("# Draft\n\n## FINDINGS\nok");
        var missing = () => s3.InvokeAsync(Call(ResourceArns.S3GetObject, """{"Bucket":"reviewer-portal-reports","Key":"nope.md"}"""), CancellationToken.None);
        (await missing.Should().ThrowAsync<ResourceFailedException>()).Which.Error.Should().Be("S3.NoSuchKeyException");
    }
}
