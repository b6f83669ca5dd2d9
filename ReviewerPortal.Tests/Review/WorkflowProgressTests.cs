using Microsoft.Data.Sqlite;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Sqlite;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.StepFunctions;

namespace ReviewerPortal.Tests.Review;

/// <summary>
/// What the review page says after a decision, from Step Functions (a scripted server standing in for AWS): when it fails,
/// "still working" rather than an AWS exception (DecisionPanel knows no AWS types).
/// </summary>
public sealed class WorkflowProgressTests : IDisposable
{
    private const string Service = "com.amazonaws.swf.service.v2.model#";
    private readonly TempDirectory _folder = new();
    private readonly SqliteReviewTaskStore _tasks;

    public WorkflowProgressTests() =>
        _tasks = new SqliteReviewTaskStore(new SqliteDatabase(_folder.File("tasks.db")), new ReviewTaskChanges(), TimeProvider.System);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Step_functions_refusing_to_describe_the_execution_leaves_the_reviewer_with_still_working()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((400, RecordedErrorBodies.Body(Service + "AccessDeniedException", "Not authorized")));
        var progress = new WorkflowProgress(TestClients.StepFunctions(aws.BaseUri, maxRetries: 0), _tasks, TimeProvider.System);

        var step = await progress.AfterDecisionAsync(Approved("t-denied"), TimeSpan.Zero, CancellationToken.None);

        step.Should().Be(WorkflowStep.Pending(Approved("t-denied")));
        step.Summary.Should().Be("The workflow is publishing the report.");
        aws.Requests.Should().ContainSingle("the one look it had time for");
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_clients_retries_ends_the_follow_at_once_instead_of_asking_again_for_minutes()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((400, RecordedErrorBodies.Body("com.amazon.coral.availability#ThrottlingException", "Rate exceeded")));
        var progress = new WorkflowProgress(TestClients.StepFunctions(aws.BaseUri, maxRetries: 1), _tasks, TimeProvider.System);

        var step = await progress.AfterDecisionAsync(Approved("t-throttled"), TimeSpan.FromMinutes(2), CancellationToken.None);

        step.Summary.Should().Be("The workflow is publishing the report.");
        aws.Requests.Should().HaveCount(2, "one look, retried once by the client, then no more");
    }

    [Fact]
    public async Task A_look_that_succeeds_says_where_the_report_was_published()
    {
        var decided = Approved("t-published");
        var described = $$"""
            {"executionArn":"{{decided.ExecutionArn}}","stateMachineArn":"arn:aws:states:eu-west-1:123456789012:stateMachine:review-urgent",
             "status":"SUCCEEDED","startDate":1763780400.5,"stopDate":1763780460.5,"input":"{}","output":"{\"reportUri\":\"s3://reports/t-published.md\"}"}
            """;
        await using var aws = await ScriptedAwsServer.StartAsync((200, described));
        var progress = new WorkflowProgress(TestClients.StepFunctions(aws.BaseUri, maxRetries: 0), _tasks, TimeProvider.System);

        var step = await progress.AfterDecisionAsync(decided, TimeSpan.FromMinutes(2), CancellationToken.None);

        step.Summary.Should().Be("Published: the final report is at s3://reports/t-published.md.");
        step.Finished.Should().BeTrue();
    }

    private static ReviewTask Approved(string id)
    {
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        return StoredTasks.Pending(id, now) with
        {
            Status = ReviewStatus.Deciding,
            Decision = new Decision
            {
                Outcome = DecisionOutcome.Approved,
                Reviewer = new Reviewer("oid-alice", "Dr Alice Moreau"),
                DecidedAt = now,
                FinalReportLocation = $"s3://reviewer-portal-reports/{id}/final.md",
                DraftSha256 = new string('a', 64),
                FinalSha256 = new string('b', 64),
                Attestation = "I have reviewed the images and this report.",
            },
        };
    }
}
