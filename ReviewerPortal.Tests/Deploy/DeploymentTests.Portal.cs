using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Tests.Workflow.Templates;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>
/// The portal in Aws mode against the deployment: it lists a task the deployed workflow opened and completes its token,
/// and a decision recorded by a portal that stops before sending it is finished by the next portal (a redeploy).
/// </summary>
/// <remarks>
/// The executions run the deployed study-review definition in a sibling state machine with the deployment's workflow
/// role, table, buckets and event bus, changed only where moto cannot run it (MotoStudyReview lists the states:
/// HealthImaging, Bedrock and startExecution.sync:2, getObject's body); the deployed machine itself stays as deployed.
/// </remarks>
public partial class DeploymentTests
{
    // At least 200 bytes: the template sends a shorter draft to manual drafting.
    private const string Draft = "# XR CHEST PA AND LATERAL\n\n## CLINICAL INDICATION\n\nPersistent cough.\n\n## TECHNIQUE\n\nPA and lateral views.\n\n"
        + "## FINDINGS\n\nThe lungs are clear. The heart size is normal. No pleural effusion or pneumothorax.\n\n"
        + "## IMPRESSION\n\nNo acute cardiopulmonary disease.\n";
    private static readonly Reviewer Clinician = new("clinician-oid-1", "Dr Ada Moss");

    // moto's ASL parser reads intrinsic functions from the raw text: a quote escaped as \u0027 breaks States.Format.
    private static readonly JsonSerializerOptions RawJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_portal_in_aws_mode_lists_a_task_of_the_deployed_workflow_and_completes_its_token()
    {
        var (arn, task) = await OpenTaskAsync("deployed-approve");
        await using var portal = new AwsModePortalApp(await PortalSettingsAsync());
        using var scope = portal.Services.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<ReviewQueue>();
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();

        var listed = await PollAsync(async () => (await queue.ListAsync(QueueName.Routine, null)).Items.SingleOrDefault(t => t.Id == task), "the task in the routine queue");
        (await decisions.ClaimAsync(listed.Id, Clinician)).Succeeded.Should().BeTrue();
        var approved = await decisions.ApproveAsync(new ApprovalRequest(listed.Id, Clinician, null, "I reviewed the images and the report."));

        approved.Kind.Should().Be(DecisionResultKind.Delivered, approved.Message);
        (await WaitForExecutionAsync(arn)).Should().Be("SUCCEEDED");
        (await ReadReportAsync(listed)).Should().Be(Draft);
    }

    [Fact]
    public async Task A_decision_recorded_by_a_portal_that_stops_before_sending_it_is_finished_by_the_next_portal()
    {
        var (arn, task) = await OpenTaskAsync("deployed-restart");
        var settings = await PortalSettingsAsync();
        await using (var stopped = new AwsModePortalApp(settings))
        {
            var store = stopped.Services.GetRequiredService<IReviewTaskStore>();
            var open = await PollAsync(() => store.GetAsync(task), "the gate's task item");
            (await stopped.Services.CreateScope().ServiceProvider.GetRequiredService<DecisionService>().ClaimAsync(task, Clinician)).Succeeded.Should().BeTrue();

            // What ApproveAsync writes first; the portal stops before SendTaskSuccess, as a task replaced mid-request does.
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Draft)));
            (await store.RecordDecisionAsync(task, new Decision
            {
                Outcome = DecisionOutcome.Approved,
                Reviewer = Clinician,
                DecidedAt = DateTimeOffset.UtcNow,
                FinalReportLocation = open.DraftLocation,
                DraftSha256 = sha,
                FinalSha256 = sha,
                Attestation = "I reviewed the images and the report.",
            })).Applied.Should().BeTrue();
        }

        (await DescribeExecutionAsync(arn)).Should().Be("RUNNING", "the decision never reached Step Functions");
        settings["Review:Decisions:ReconcileInterval"] = "00:00:01";
        settings["Review:Decisions:ReconcileGrace"] = "00:00:01";
        await using var next = new AwsModePortalApp(settings);
        var nextStore = next.Services.GetRequiredService<IReviewTaskStore>();

        (await WaitForExecutionAsync(arn)).Should().Be("SUCCEEDED");
        await LoopWaits.UntilAsync(async () => (await nextStore.GetAsync(task))?.Status == ReviewStatus.Decided, "the task marked decided", TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts a case with deploy/start-study.sh on the deployed resources; returns its execution and task id.</summary>
    private async Task<(string ExecutionArn, string TaskId)> OpenTaskAsync(string name)
    {
        var study = DemoStudies.ChestXray;
        var draftBucket = await deployment.StackOutputAsync("storage", "DraftBucket");
        var machine = await SiblingStudyReviewAsync(study, draftBucket);
        var draftFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(draftFile, Draft);
        await deployment.AwsAsync("s3api", "put-object", "--bucket", draftBucket, "--key", $"drafts/{study.CaseId}/{name}/attempt-1.md", "--body", draftFile, "--content-type", "text/markdown; charset=utf-8");
        File.Delete(draftFile);

        var started = await CommandLine.ScriptAsync(
            "start-study.sh", "--endpoint-url", deployment.Url.ToString(), "--state-machine-arn", machine, "--name", name, "--case-id", study.CaseId,
            "--datastore-id", MotoDeployment.DatastoreId, "--image-set-id", study.ImageSetId, "--indication", study.Indication, "--urgency", study.Urgency);
        started.ExitCode.Should().Be(0, started.All);
        return (started.Output.Trim(), name + "-r1");
    }

    private async Task<string> SiblingStudyReviewAsync(DemoStudy study, string draftBucket)
    {
        var deployed = await deployment.StackOutputAsync("workflows", "StudyReviewStateMachineArn");
        var sibling = deployed + "-on-moto";
        var existing = await deployment.AwsAsync("stepfunctions", "list-state-machines", "--query", "stateMachines[].stateMachineArn", "--output", "text");
        if (existing.Contains(sibling, StringComparison.Ordinal))
        {
            return sibling;
        }

        using var description = JsonDocument.Parse(await deployment.AwsAsync("stepfunctions", "describe-state-machine", "--state-machine-arn", deployed));
        var definition = JsonNode.Parse(description.RootElement.GetProperty("definition").GetString()!)!;
        MotoStudyReviewTemplate.Adapt(definition["States"]!.AsObject(), study, Draft, timeScale: 1, draftBucket);
        return await deployment.AwsAsync(
            "stepfunctions", "create-state-machine", "--name", "study-review-on-moto", "--role-arn", description.RootElement.GetProperty("roleArn").GetString()!,
            "--definition", definition.ToJsonString(RawJson), "--query", "stateMachineArn", "--output", "text");
    }

    private async Task<Dictionary<string, string?>> PortalSettingsAsync()
    {
        var settings = AwsModeSettings.For(deployment.Url, await deployment.StackOutputAsync("storage", "TableName"), await deployment.StackOutputAsync("storage", "DraftBucket"));
        settings["Aws:ChangeWatchInterval"] = "00:00:01";
        return settings;
    }

    private Task<string> DescribeExecutionAsync(string arn) =>
        deployment.AwsAsync("stepfunctions", "describe-execution", "--execution-arn", arn, "--query", "status", "--output", "text");

    private Task<string> WaitForExecutionAsync(string arn) =>
        PollAsync(async () => await DescribeExecutionAsync(arn) is var status && status != "RUNNING" ? status : null, "the execution's end", TimeSpan.FromSeconds(120));

    private static async Task<T> PollAsync<T>(Func<Task<T?>> read, string what, TimeSpan? timeout = null)
        where T : class
    {
        T? found = null;
        await LoopWaits.UntilAsync(async () => (found = await read()) is not null, what, timeout ?? TimeSpan.FromSeconds(90));
        return found!;
    }

    private async Task<string> ReadReportAsync(ReviewTask task)
    {
        var file = Path.GetTempFileName();
        var key = $"reports/{task.CaseId}/{task.ExecutionArn.Split(':')[^1]}.md";
        await deployment.AwsAsync("s3api", "get-object", "--bucket", await deployment.StackOutputAsync("storage", "ReportBucket"), "--key", key, file);
        var text = await File.ReadAllTextAsync(file);
        File.Delete(file);
        return text;
    }
}
