using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

[Trait("Category", "Slow")]
public class ReviewGateIntakeTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly DateTimeOffset Entered = new(2026, 11, 22, 9, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task A_gate_item_without_a_due_time_enters_its_queue_once_the_intake_gives_it_created_at_plus_the_sla()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: false);
        var clock = new FakeTimeProvider(Entered);
        var store = table.Store(clock);
        await table.PutRawAsync(GateItem("case-1-r1", "urgent", sla: "3600"));

        var before = await store.ListOpenAsync(QueueName.Urgent, 10, null);
        var admitted = await Intake(table, clock).RunOnceAsync(CancellationToken.None);
        var after = await store.ListOpenAsync(QueueName.Urgent, 10, null);

        before.Items.Should().BeEmpty("an item without dueAt is not in the open-by-queue index");
        admitted.Should().Be(1);
        after.Items.Should().ContainSingle().Which.DueAt.Should().Be(Entered.AddHours(1));
        (await Intake(table, clock).RunOnceAsync(CancellationToken.None)).Should().Be(0, "an admitted item is not admitted again");
    }

    [Fact]
    public async Task A_gate_item_whose_due_time_cannot_be_computed_stays_out_and_is_shown_to_operators()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: false);
        var clock = new FakeTimeProvider(Entered);
        var malformed = ReviewTaskTable.Malformed(clock);
        await table.PutRawAsync(GateItem("case-2-r1", "routine", sla: "soon"));

        var admitted = await Intake(table, clock, malformed).RunOnceAsync(CancellationToken.None);

        admitted.Should().Be(0);
        malformed.Current.Should().ContainSingle().Which.Problems.Should().Contain("slaSeconds is not a whole number");
    }

    [Fact]
    public async Task The_bundled_review_gate_running_on_moto_step_functions_puts_a_task_the_portal_lists_claims_and_completes()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = table.Store(clock);
        using var http = new HttpClient();
        var stepFunctions = new StepFunctionsClient(new StepFunctionsTransport(
            http,
            // moto parses a definition slowly on a loaded machine (its first CreateStateMachine loads the ASL grammar).
            new StepFunctionsClientOptions { ServiceUrl = moto.Url, Timeout = TimeSpan.FromSeconds(60) },
            "us-east-1",
            _ => Task.FromResult(new ImmutableCredentials("testing", "testing", null))));
        var machine = await stepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "study-review-gate-" + Guid.NewGuid().ToString("N")[..6],
            Definition = GateOnlyDefinition(table.Name),
            RoleArn = "arn:aws:iam::123456789012:role/review",
        });
        var execution = await stepFunctions.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = machine.StateMachineArn,
            Name = "case-9",
            Input = """{"caseId":"CASE-9","urgency":"urgent","attempt":1,"revisionReason":"","study":{"studyDescription":"CT head","modality":"CT"},"draft":{"draftUri":"s3://drafts/case-9.md","sha256":"abc","manual":false}}""",
        });

        var task = await ListedAfterIntakeAsync(table, store, clock);
        var claim = await store.ClaimAsync(task.Id, new Reviewer("u-1", "Dr One"), clock.GetUtcNow().AddMinutes(10));
        await stepFunctions.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = task.TaskToken, Error = "ClinicianRejected", Cause = "Wrong side." });

        task.Id.Should().Be("case-9-r1");
        task.ExecutionArn.Should().Be(execution.ExecutionArn);
        (task.DueAt - task.CreatedAt).Should().Be(TimeSpan.FromHours(1));
        claim.Applied.Should().BeTrue();
        var raw = await table.Client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = ReviewTaskItem.Key(task.Id) });
        raw.Item["draftSha256"].S.Should().Be("abc", "the store's writes keep what the gate wrote");
        var history = await stepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = execution.ExecutionArn });
        history.Events.Should().Contain(e => e.Type == HistoryEventType.TaskFailed, "the token the portal read resumes the execution");
    }

    private static async Task<ReviewTask> ListedAfterIntakeAsync(ReviewTaskTable table, DynamoDbTaskStore store, FakeTimeProvider clock)
    {
        var intake = Intake(table, clock);
        for (var i = 0; i < 100; i++)
        {
            await intake.RunOnceAsync(CancellationToken.None);
            if ((await store.ListOpenAsync(QueueName.Urgent, 10, null)).Items is [var task])
            {
                return task;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The gate's task never reached the urgent queue.");
    }

    /// <summary>
    /// The bundled study-review template as deployed, entered at its review gate: moto has no HealthImaging or Bedrock,
    /// so the states before the gate cannot run there. Everything from the gate on is the shipped text.
    /// </summary>
    private static string GateOnlyDefinition(string tableName)
    {
        var options = new WorkflowTemplateOptions { ReviewTasksTable = tableName };
        var text = TemplatePlaceholders.Substitute(
            BundledTemplates.StudyReview.ReadDefinition(),
            options.Substitutions("arn:aws:states:us-east-1:123456789012:stateMachine:draft-generation"));
        // A text edit, not a re-serialisation: moto parses the definition's text with its own grammar.
        var start = JsonNode.Parse(text)!["StartAt"]!.GetValue<string>();
        var entered = text.Replace($"\"StartAt\": \"{start}\"", "\"StartAt\": \"OpenReviewTask\"", StringComparison.Ordinal);
        entered.Should().NotBe(text, "the template starts at its top-level StartAt");
        return entered;
    }

    private static ReviewGateIntake Intake(ReviewTaskTable table, TimeProvider time, MalformedTaskItems? malformed = null) =>
        new(table.Client, Microsoft.Extensions.Options.Options.Create(table.Options), time, malformed ?? ReviewTaskTable.Malformed(time), NullLogger<ReviewGateIntake>.Instance);

    private static Dictionary<string, AttributeValue> GateItem(string id, string queue, string sla) => new()
    {
        [ReviewTaskAttributes.PartitionKey] = new() { S = "TASK#" + id },
        [ReviewTaskAttributes.SortKey] = new() { S = "TASK" },
        [ReviewTaskAttributes.TaskId] = new() { S = id },
        [ReviewTaskAttributes.TaskToken] = new() { S = "token-" + id },
        [ReviewTaskAttributes.ExecutionArn] = new() { S = "arn:aws:states:us-east-1:123456789012:execution:study-review:" + id },
        [ReviewTaskAttributes.CaseId] = new() { S = "CASE-" + id },
        [ReviewTaskAttributes.StudyDescription] = new() { S = "CT head" },
        [ReviewTaskAttributes.Modality] = new() { S = "CT" },
        [ReviewTaskAttributes.Urgency] = new() { S = queue },
        [ReviewTaskAttributes.Queue] = new() { S = queue },
        [ReviewTaskAttributes.OpenQueue] = new() { S = queue },
        [ReviewTaskAttributes.DraftUri] = new() { S = $"s3://drafts/{id}.md" },
        [ReviewTaskAttributes.CreatedAt] = new() { S = "2026-11-22T09:00:00.123Z" },
        [ReviewTaskAttributes.SlaSeconds] = sla.All(char.IsAsciiDigit) ? new() { N = sla } : new() { S = sla },
        [ReviewTaskAttributes.Attempt] = new() { N = "1" },
        [ReviewTaskAttributes.Status] = new() { S = "PENDING" },
        [ReviewTaskAttributes.Version] = new() { N = "1" },
    };
}
